import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { resolveRef } from '@/plugins/openapi/resolveRef'
import { statusUrl } from '@/submissions/statusLink'

import { getTestPayload } from '../helpers/payload'
import { type JsonResponse, RestClient } from '../helpers/restClient'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { createUser, type TestUser } from '../helpers/users'

type Json = Record<string, any>

const anonymous = RestClient.anonymous()

/** Sends with the captcha provider unreachable, as during its outage (read per request). */
async function withCaptchaDown(send: () => Promise<JsonResponse>): Promise<JsonResponse> {
  Object.assign(process.env, { CAPTCHA_PROVIDER: 'turnstile', CAPTCHA_SECRET: 'secret', CAPTCHA_VERIFY_URL: 'http://127.0.0.1:1/siteverify' })
  try {
    return await send()
  } finally {
    for (const name of ['CAPTCHA_PROVIDER', 'CAPTCHA_SECRET', 'CAPTCHA_VERIFY_URL']) delete process.env[name]
  }
}
const BIG = 'x'.repeat(70 * 1024) // over the 64 KB a public form may weigh

/**
 * Whether `value` fits `schema`, for the keywords the error bodies use (type, const, required,
 * properties, items, anyOf, $ref); a small check, not a validator.
 */
function fits(spec: Json, schema: Json, value: unknown): boolean {
  schema = resolveRef(spec, schema)
  if (schema.anyOf && !schema.anyOf.some((branch: Json) => fits(spec, branch, value))) return false
  if ('const' in schema && value !== schema.const) return false
  if (schema.type) {
    const types = [schema.type].flat()
    const type = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value
    if (!types.includes(type) && !(type === 'integer' && types.includes('number'))) return false
  }
  if (Array.isArray(value)) return !schema.items || value.every((item) => fits(spec, schema.items, item))
  if (value && typeof value === 'object') {
    const object = value as Json
    if ((schema.required ?? []).some((name: string) => !(name in object))) return false
    return Object.entries(schema.properties ?? {}).every(([name, property]) => !(name in object) || fits(spec, property as Json, object[name]))
  }
  return true
}

describe('the API documentation as a client meeting errors', () => {
  let spec: Json
  let payload: Payload
  let editor: TestUser
  let staff: TestUser
  let event: number
  let registration: number

  beforeAll(async () => {
    payload = await getTestPayload()
    spec = (await anonymous.get('/openapi.json')).body
    editor = await createUser(payload, ['editor'])
    staff = await createUser(payload, ['staff'])
    event = (await createOpenEvent(payload)).id as number
    registration = (await payload.create({ collection: 'registrations', data: validSubmission('registrations', event) as never })).id as number
  })

  /** The status link's token of the registration set up above (pending its email confirmation). */
  const statusToken = async () => {
    const doc = await payload.findByID({ collection: 'registrations', id: registration, depth: 1 })
    return new URL(statusUrl(payload, 'registrations', doc)).searchParams.get('token')
  }

  /** Each answer the app gives below, with the operation of the document it must be listed under. */
  const probes: [string, string, string, number, () => Promise<JsonResponse>][] = [
    ['a signed-out list of registrations', 'get', '/api/registrations', 403, () => anonymous.get('/registrations')],
    ['an editor listing registrations', 'get', '/api/registrations', 403, () => editor.client.get('/registrations')],
    ['a query on a field that does not exist', 'get', '/api/registrations', 400, () => staff.client.get('/registrations?where[nope][equals]=1')],
    ['an unknown registration', 'get', '/api/registrations/{id}', 404, () => staff.client.get('/registrations/2147483000')],
    ['an empty registration form', 'post', '/api/registrations', 400, () => anonymous.post('/registrations', { body: {} })],
    ['an editor posting a registration', 'post', '/api/registrations', 403, () => editor.client.post('/registrations', { body: validSubmission('registrations', event) })],
    ['a registration over 64 KB', 'post', '/api/registrations', 413, () => anonymous.post('/registrations', { body: { ...validSubmission('registrations', event), hearAbout: BIG } })],
    ['a status the workflow refuses', 'patch', '/api/registrations/{id}', 400, () => staff.client.patch(`/registrations/${registration}`, { body: { status: 'offered' } })],
    ['an update of an unknown registration', 'patch', '/api/registrations/{id}', 404, () => staff.client.patch('/registrations/2147483000', { body: { city: 'Ibadan' } })],
    ['staff deleting a registration', 'delete', '/api/registrations/{id}', 403, () => staff.client.delete(`/registrations/${registration}`)],
    ['an unknown event', 'get', '/api/events/{id}', 404, () => anonymous.get('/events/2147483000')],
    ['a signed-out event creation', 'post', '/api/events', 403, () => anonymous.post('/events', { body: {} })],
    ['an event without its fields', 'post', '/api/events', 400, () => staff.client.post('/events', { body: {} })],
    ['a signed-out list of outbox emails', 'get', '/api/email-outbox', 403, () => anonymous.get('/email-outbox')],
    ['a login with a wrong password', 'post', '/api/users/login', 401, () => anonymous.post('/users/login', { body: { email: staff.email, password: 'wrong' } })],
    ['a login without a password', 'post', '/api/users/login', 400, () => anonymous.post('/users/login', { body: { email: staff.email } })],
    ['a signed-out logout', 'post', '/api/users/logout', 400, () => anonymous.post('/users/logout')],
    ['a signed-out token refresh', 'post', '/api/users/refresh-token', 403, () => anonymous.post('/users/refresh-token')],
    ['a first registration once accounts exist', 'post', '/api/users/first-register', 403, () => anonymous.post('/users/first-register', { body: { email: 'late@otei.test', password: 'pw-late-1234' } })],
    ['a forgotten password without an email', 'post', '/api/users/forgot-password', 400, () => anonymous.post('/users/forgot-password', { body: {} })],
    ['a password reset with a forged token', 'post', '/api/users/reset-password', 403, () => anonymous.post('/users/reset-password', { body: { token: 'forged', password: 'violet-harbour-tractor-58' } })],
    ['staff unlocking an account', 'post', '/api/users/unlock', 403, () => staff.client.post('/users/unlock', { body: { email: editor.email } })],
    ['a signed-out staff list', 'get', '/api/admin/registrations', 401, () => anonymous.get('/admin/registrations/')],
    ['an editor’s staff list', 'get', '/api/admin/registrations', 403, () => editor.client.get('/admin/registrations/')],
    ['a staff list page past the last', 'get', '/api/admin/registrations', 404, () => staff.client.get('/admin/registrations/?page=100000')],
    ['an empty guide form', 'post', '/api/register', 400, () => anonymous.post('/register/', { body: {} })],
    ['an editor posting the guide form', 'post', '/api/register', 403, () => editor.client.post('/register/', { body: { email: 'e@example.com' } })],
    ['a guide form over 64 KB', 'post', '/api/register', 413, () => anonymous.post('/register/', { body: { email: 'big@example.com', hear_about: BIG } })],
    ['a guide form as plain text', 'post', '/api/register', 415, () => anonymous.post('/register/', { rawBody: 'hello', headers: { 'Content-Type': 'text/plain' } })],
    ['a status page without a token', 'get', '/api/status', 400, () => anonymous.get('/status')],
    ['a status action with a forged token', 'post', '/api/status', 400, () => anonymous.post('/status', { body: { token: 'forged', action: 'withdraw' } })],
    ['an action the submission’s state does not allow', 'post', '/api/status', 409, async () => anonymous.post('/status', { body: { token: await statusToken(), action: 'accept' } })],
    ['a registration while the captcha provider is down', 'post', '/api/registrations', 503, () => withCaptchaDown(() => anonymous.post('/registrations', { body: validSubmission('registrations', event), headers: { 'X-Captcha-Token': 'a-token' } }))],
    ['a guide form while the captcha provider is down', 'post', '/api/register', 503, () => withCaptchaDown(() => anonymous.post('/register/', { body: { event, email: 'down@example.com' }, headers: { 'X-Captcha-Token': 'a-token' } }))],
    ['a confirmation with a forged token', 'post', '/api/registrations/confirm', 400, () => anonymous.post('/registrations/confirm?token=forged', { headers: { Accept: 'application/json' } })],
    ['a signed-out requeue', 'post', '/api/email-outbox/{id}/requeue', 401, () => anonymous.post('/email-outbox/1/requeue')],
    ['an editor’s requeue', 'post', '/api/email-outbox/{id}/requeue', 403, () => editor.client.post('/email-outbox/1/requeue')],
    ['a requeue of an unknown email', 'post', '/api/email-outbox/{id}/requeue', 404, () => staff.client.post('/email-outbox/2147483000/requeue')],
  ]

  it.each(probes)('lists %s (%s %s → %i) with the body it answers', async (_label, method, path, status, send) => {
    const response = await send()
    expect(response.status, JSON.stringify(response.body)).toBe(status)
    const operation = spec.paths[path]?.[method]
    expect(operation, `${method} ${path} in the document`).toBeDefined()
    const documented = operation.responses[status] && resolveRef(spec, operation.responses[status])
    expect(documented, `${status} listed under ${method} ${path}`).toBeDefined()
    const schema = documented.content['application/json'].schema
    expect(fits(spec, schema, response.body), JSON.stringify(response.body)).toBe(true)
    if (documented.headers?.['Retry-After']?.required) expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('leaves out the operations nobody may use (creating outbox emails or security events)', () => {
    expect(spec.paths['/api/email-outbox'].post).toBeUndefined()
    expect(spec.paths['/api/security-events'].post).toBeUndefined()
    expect(spec.paths['/api/security-events/{id}'].patch).toBeUndefined()
  })

  it('marks the public operations as open to the signed-out and the rest as needing sign-in', () => {
    expect(spec.paths['/api/registrations'].post.security).toContainEqual({})
    expect(spec.paths['/api/events'].get.security).toContainEqual({})
    expect(spec.paths['/api/registrations'].get.security).not.toContainEqual({})
  })
})
