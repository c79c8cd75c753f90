import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DATABASE_UNAVAILABLE_MESSAGE } from '@/db/databaseUnavailable'

import { type AppServer, startServerBeside } from '../helpers/appServer'
import { createOpenEventOverHttp } from '../helpers/httpClient'
import { startSiteverifyServer } from '../helpers/siteverifyServer'
import { validSubmission } from '../helpers/submissions'
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy'
import { waitFor } from '../helpers/waitFor'

/**
 * What a frontend is told by REST and GraphQL of the production build (NODE_ENV=production,
 * bundled server code), for the refusals it must explain to a person: the same messages, names
 * and Retry-After as in development, not "An unknown error occurred.".
 */

const CAPTCHA_SECRET = 'answers-test-secret'
const POSTS_PER_IP = 2
const TOO_MANY = /^Too many attempts\. Please try again in \d+ minutes?\.$/
const CAPTCHA_UNAVAILABLE = 'Captcha verification is unavailable right now; please try again in a moment.'
const CREATE_REGISTRATION = 'mutation ($data: mutationRegistrationInput!) { createRegistration(data: $data) { id } }'

let siteverify: Awaited<ReturnType<typeof startSiteverifyServer>>
let database: TcpProxy
let server: AppServer
let eventId: number

/** A made-up client address: the server trusts one proxy, and the test is that proxy. */
const freshIp = () => `10.${[...randomBytes(3)].join('.')}`
type Client = { ip?: string; captcha?: string }
const headersOf = ({ ip = freshIp(), captcha = 'pass' }: Client) => ({
  'Content-Type': 'application/json',
  'X-Forwarded-For': ip,
  'X-Captcha-Token': captcha,
})

async function answer(response: Response) {
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() }
}
const restPost = async (path: string, body: unknown, client: Client = {}) =>
  answer(await fetch(`${server.baseURL}/api${path}`, { method: 'POST', headers: headersOf(client), body: JSON.stringify(body) }))
const graphql = async (query: string, variables: unknown, client: Client = {}) =>
  answer(await fetch(`${server.baseURL}/api/graphql`, { method: 'POST', headers: headersOf(client), body: JSON.stringify({ query, variables }) }))

/** A registration as the frontend posts it; over GraphQL, choice values are enum names. */
const registration = (overrides: Record<string, unknown> = {}) => ({
  ...validSubmission('registrations', eventId),
  interestAreas: ['fintech'],
  ...overrides,
})

beforeAll(async () => {
  siteverify = await startSiteverifyServer('turnstile', CAPTCHA_SECRET)
  // The server reaches PostgreSQL through a relay the outage test cuts.
  const databaseUrl = new URL(inject('databaseUrl'))
  database = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) })
  databaseUrl.hostname = '127.0.0.1'
  databaseUrl.port = String(database.port)
  server = await startServerBeside(databaseUrl.toString(), {
    TRUST_PROXY: '1',
    RATE_LIMIT_FORM_PER_IP: String(POSTS_PER_IP),
    CAPTCHA_PROVIDER: 'turnstile',
    CAPTCHA_SECRET,
    CAPTCHA_VERIFY_URL: siteverify.url,
  })
  eventId = await createOpenEventOverHttp(inject('baseURL'))
}, 180_000)

afterAll(async () => {
  await server?.stop()
  await database?.close()
  await siteverify?.close()
})

describe('a production build answers a field error', () => {
  it('over REST: 400, ValidationError, the field and its message', async () => {
    const refused = await restPost('/registrations', registration({ email: 'not-an-email' }))
    expect(refused.status).toBe(400)
    expect(refused.body.errors).toEqual([
      {
        name: 'ValidationError',
        message: 'The following field is invalid: Email',
        data: { collection: 'registrations', errors: [{ label: 'Email', path: 'email', message: 'Enter a valid email address, e.g. ada@example.com.' }] },
      },
    ])
  })

  it('over GraphQL: the same message, name, field and statusCode 400', async () => {
    const refused = await graphql(CREATE_REGISTRATION, { data: registration({ email: 'not-an-email' }) })
    expect(refused.body.data.createRegistration).toBeNull()
    const [error] = refused.body.errors
    expect(error.message).toBe('The following field is invalid: Email')
    expect(error.extensions).toMatchObject({ name: 'ValidationError', statusCode: 400 })
    expect(error.extensions.data.errors).toEqual([expect.objectContaining({ path: 'email' })])
  })

  it('for a captcha that did not pass: 400 on captchaToken with what to do', async () => {
    const refused = await restPost('/registrations', registration(), { captcha: 'fail' })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].name).toBe('ValidationError')
    expect(refused.body.errors[0].data.errors).toEqual([
      { path: 'captchaToken', message: 'The captcha could not be verified; please try it again.' },
    ])
  })
})

describe('a production build answers a client over its rate limit', () => {
  it('over REST: 429, how long to wait in words, and Retry-After', async () => {
    const ip = freshIp()
    for (let post = 0; post < POSTS_PER_IP; post++) expect((await restPost('/registrations', registration(), { ip })).status).toBe(201)
    const refused = await restPost('/registrations', registration(), { ip })
    expect(refused.status).toBe(429)
    expect(refused.body.errors).toEqual([{ message: expect.stringMatching(TOO_MANY) }])
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
  })

  it('over GraphQL: the same message, statusCode 429 and Retry-After', async () => {
    const ip = freshIp()
    for (let post = 0; post < POSTS_PER_IP; post++)
      expect((await graphql(CREATE_REGISTRATION, { data: registration() }, { ip })).body.errors).toBeUndefined()
    const refused = await graphql(CREATE_REGISTRATION, { data: registration() }, { ip })
    const [error] = refused.body.errors
    expect(error.message).toMatch(TOO_MANY)
    expect(error.extensions).toMatchObject({ name: 'APIError', statusCode: 429 })
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
  })
})

describe('a production build answers 503 with Retry-After', () => {
  it('when the captcha provider does not answer in time, over REST and GraphQL', async () => {
    // "slow": the local provider answers after 6 s, past the 5 s the app waits.
    const [rest, overGraphql] = await Promise.all([
      restPost('/registrations', registration(), { captcha: 'slow' }),
      graphql(CREATE_REGISTRATION, { data: registration() }, { captcha: 'slow' }),
    ])
    expect(rest).toMatchObject({ status: 503, retryAfter: '30', body: { errors: [{ message: CAPTCHA_UNAVAILABLE }] } })
    expect(overGraphql.body.errors[0]).toMatchObject({ message: CAPTCHA_UNAVAILABLE, extensions: { statusCode: 503 } })
    expect(overGraphql.retryAfter).toBe('30')
  })

  it('while the database is unreachable, over REST and GraphQL, and registers again once it is back', async () => {
    database.cut()
    try {
      const rest = await restPost('/registrations', registration())
      expect(rest).toMatchObject({ status: 503, retryAfter: '5', body: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] } })
      const overGraphql = await graphql(CREATE_REGISTRATION, { data: registration() })
      expect(overGraphql.body.errors[0]).toMatchObject({ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { statusCode: 503 } })
      expect(overGraphql.retryAfter).toBe('5')
    } finally {
      database.restore()
    }
    await waitFor('a registration to be accepted again', async () =>
      (await restPost('/registrations', registration())).status === 201 ? true : undefined,
    )
  })
})

describe('a production build answers what a client may not see', () => {
  it('with Payload’s own messages for 403 and 404', async () => {
    const forbidden = await fetch(`${server.baseURL}/api/registrations`)
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toEqual({ errors: [{ message: 'You are not allowed to perform this action.' }] })
    const missing = await fetch(`${server.baseURL}/api/events/999999999`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ errors: [{ message: 'Not Found' }] })
  })
})
