import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { assertCaptchaConfigured } from '@/abuse/assertCaptchaConfigured'
import { toSnakeCase } from '@/lib/caseConversion'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { startSiteverifyServer } from '../helpers/siteverifyServer'
import { createOpenEvent, errorPaths, validSubmission } from '../helpers/submissions'
import { createUser, loginAsSeededAdmin } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

const SECRET = 'test-captcha-secret'
let payload: Payload
let eventId: number
const anonymous = RestClient.anonymous()

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = (await createOpenEvent(payload)).id
})

afterEach(() => {
  delete process.env.CAPTCHA_PROVIDER
  delete process.env.CAPTCHA_VERIFY_URL
  delete process.env.CAPTCHA_SECRET
})

const useProvider = (provider: string, url: string) => {
  process.env.CAPTCHA_PROVIDER = provider
  process.env.CAPTCHA_VERIFY_URL = url
  process.env.CAPTCHA_SECRET = SECRET
}

const registration = (): Record<string, unknown> => validSubmission('registrations', eventId)
const withToken = (token: string) => ({ 'X-Captcha-Token': token, 'X-Forwarded-For': '203.0.113.7' })
const countByEmail = async (email: unknown) =>
  (await payload.count({ collection: 'registrations', where: { email: { equals: email } } })).totalDocs

describe.each(['turnstile', 'hcaptcha', 'recaptcha'] as const)('registrations with %s as the public', (provider) => {
  let verifier: Awaited<ReturnType<typeof startSiteverifyServer>>
  beforeAll(async () => {
    verifier = await startSiteverifyServer(provider, SECRET)
  })
  afterAll(() => verifier.close())

  it('are accepted with a valid token, verified server-side with our secret and the client IP', async () => {
    useProvider(provider, verifier.url)
    const response = await anonymous.post('/registrations', { body: registration(), headers: withToken('pass') })
    expect(response.status).toBe(201)
    expect(verifier.received.at(-1)).toEqual({ secret: SECRET, response: 'pass', remoteip: '203.0.113.7' })
  })

  it.each([
    [undefined, 'Please complete the captcha.'],
    ['forged', 'The captcha could not be verified; please try it again.'],
    ['reused', 'The captcha has expired or was already used; please try it again.'],
  ])('are refused with token %s, and nothing is stored', async (token, message) => {
    useProvider(provider, verifier.url)
    const body = registration()
    const response = await anonymous.post('/registrations', { body, headers: token ? withToken(token) : {} })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'captchaToken', message })])
    expect(await countByEmail(body.email)).toBe(0)
  })
})

describe('registrations with reCAPTCHA v3 as the public', () => {
  let verifier: Awaited<ReturnType<typeof startSiteverifyServer>>
  beforeAll(async () => {
    verifier = await startSiteverifyServer('recaptcha', SECRET)
  })
  afterAll(() => verifier.close())

  it.each([
    ['score:0.9:register', 201],
    ['score:0.1:register', 400],
    ['score:0.9:volunteer', 400],
  ])('with %s are answered %i', async (token, status) => {
    useProvider('recaptcha', verifier.url)
    process.env.CAPTCHA_MIN_SCORE = '0.5'
    const response = await anonymous.post('/registrations', { body: registration(), headers: withToken(token) })
    expect(response.status).toBe(status)
  })

  it('take the token from the captchaToken body field too, without storing it', async () => {
    useProvider('recaptcha', verifier.url)
    const response = await anonymous.post('/registrations', { body: { ...registration(), captchaToken: 'score:0.9:register' } })
    expect(response.status).toBe(201)
    const stored = await payload.findByID({ collection: 'registrations', id: response.body.doc.id })
    expect(stored).not.toHaveProperty('captchaToken')
  })
})

describe('every public way in, with a captcha required', () => {
  let verifier: Awaited<ReturnType<typeof startSiteverifyServer>>
  beforeAll(async () => {
    verifier = await startSiteverifyServer('turnstile', SECRET)
  })
  afterAll(() => verifier.close())

  it('checks the guide endpoint (token in captcha_token)', async () => {
    useProvider('turnstile', verifier.url)
    const snake = Object.fromEntries(Object.entries(registration()).map(([key, value]) => [toSnakeCase(key), value]))
    const refused = await anonymous.post('/register/', { body: snake })
    expect(refused.status).toBe(400)
    expect(refused.body.errors).toEqual([{ field: 'captcha_token', message: 'Please complete the captcha.' }])
    const accepted = await anonymous.post('/register/', { body: { ...snake, email: 'guide-captcha@example.com', captcha_token: 'pass' } })
    expect(accepted.status).toBe(201)
  })

  it('checks GraphQL (token in the X-Captcha-Token header)', async () => {
    useProvider('turnstile', verifier.url)
    const mutation = 'mutation ($data: mutationRegistrationInput!) { createRegistration(data: $data) { id } }'
    // Choice values whose GraphQL enum names are spelled the same.
    const data = { ...registration(), interestAreas: ['fintech'] }
    const refused = await anonymous.graphql(mutation, { data })
    expect(refused.body.errors[0].extensions.data.errors[0].path).toBe('captchaToken')
    const accepted = await anonymous.graphql(mutation, { data }, { 'X-Captcha-Token': 'pass' })
    expect(accepted.body.errors).toBeUndefined()
  })

  it('does not ask staff, who add walk-ins from the admin', async () => {
    useProvider('turnstile', verifier.url)
    const staff = await createUser(payload, ['staff'])
    const response = await staff.client.post('/registrations', { body: registration() })
    expect(response.status).toBe(201)
  })

  it('refuses, retryably, while the provider does not answer within 5 s', async () => {
    useProvider('turnstile', verifier.url)
    const body = registration()
    const response = await anonymous.post('/registrations', { body, headers: withToken('slow') })
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(await countByEmail(body.email)).toBe(0)
  }, 15_000)

  it('refuses, retryably, while the provider cannot be reached', async () => {
    useProvider('turnstile', 'http://127.0.0.1:1/siteverify')
    const response = await anonymous.post('/registrations', { body: registration(), headers: withToken('pass') })
    expect(response.status).toBe(503)
  })
})

describe('spam heuristics on the public forms', () => {
  it('store a honeypot-filled submission as spam while answering as if accepted', async () => {
    const body: Record<string, unknown> = { ...registration(), faxNumber: '+1 555 0100' }
    const response = await anonymous.post('/registrations', { body, headers: { 'X-Forwarded-For': '198.51.100.9' } })
    expect(response.status).toBe(201)
    const stored = await payload.findByID({ collection: 'registrations', id: response.body.doc.id })
    expect(stored.status).toBe('spam')
    // Security events are stored just after the response.
    const event = await waitFor('the honeypot security event', async () => {
      const { docs } = await payload.find({ collection: 'security-events', where: { kind: { equals: 'honeypot' } }, sort: '-createdAt', limit: 1 })
      return docs[0]
    })
    expect(event).toMatchObject({ form: 'registrations', ipHash: expect.stringMatching(/^[0-9a-f]{16}$/) })
    expect(JSON.stringify(event)).not.toContain('198.51.100.9')
    expect(JSON.stringify(event)).not.toContain(body.email as string)
  })

  it('refuse more than 2 links in a free-text field with a field error', async () => {
    const links = 'see https://a.example, http://b.example and www.c.example'
    const response = await anonymous.post('/registrations', { body: { ...registration(), specialRequests: links } })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['specialRequests'])
  })

  it('accept up to 2 links', async () => {
    const response = await anonymous.post('/registrations', {
      body: { ...registration(), specialRequests: 'my site https://a.example and https://b.example' },
    })
    expect(response.status).toBe(201)
  })

  it('refuse a body over 64 KB with 413', async () => {
    const response = await anonymous.post('/volunteer-applications', {
      body: { ...validSubmission('volunteer-applications', eventId), motivation: 'x'.repeat(70 * 1024) },
    })
    expect(response.status).toBe(413)
  })
})

describe('security events', () => {
  it('are readable by admins only', async () => {
    const staff = await createUser(payload, ['staff'])
    expect((await anonymous.get('/security-events')).status).toBe(403)
    expect((await staff.client.get('/security-events')).status).toBe(403)
    const admin = await loginAsSeededAdmin()
    const list = await admin.get('/security-events')
    expect(list.status).toBe(200)
    expect(list.body.totalDocs).toBeGreaterThan(0)
  })

  it('cannot be written through the API', async () => {
    const admin = await loginAsSeededAdmin()
    const response = await admin.post('/security-events', { body: { kind: 'honeypot', form: 'x' } })
    expect(response.status).toBe(403)
  })
})

describe('captcha settings at start, as an operator', () => {
  const warnings: string[] = []
  const logger = { warn: (message: string) => void warnings.push(message) }

  it('refuse a production start with CAPTCHA_PROVIDER unset', () => {
    expect(() => assertCaptchaConfigured(logger, true)).toThrow(/CAPTCHA_PROVIDER must be set in production/)
  })

  it('allow "none" with a warning', () => {
    process.env.CAPTCHA_PROVIDER = 'none'
    expect(() => assertCaptchaConfigured(logger, true)).not.toThrow()
    expect(warnings.at(-1)).toMatch(/No captcha on the public forms/)
  })

  it('refuse a provider without its secret, and an unknown provider', () => {
    process.env.CAPTCHA_PROVIDER = 'turnstile'
    expect(() => assertCaptchaConfigured(logger, false)).toThrow(/CAPTCHA_SECRET must be set/)
    process.env.CAPTCHA_PROVIDER = 'friendly-bot-check'
    expect(() => assertCaptchaConfigured(logger, false)).toThrow(/CAPTCHA_PROVIDER must be one of/)
  })
})
