import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, onTestFailed } from 'vitest'

import { SUBMISSION_FORMS } from '@/submissions'

import { type AppServer, startServerBeside } from '../helpers/appServer'
import { createOpenEventOverHttp } from '../helpers/httpClient'
import { validSubmission } from '../helpers/submissions'

/**
 * Random bodies, headers and query strings thrown at every public endpoint of the production
 * server: whatever arrives, the answer is never a 5xx, and a refused request stores nothing (no
 * submission, no queued email). fast-check prints the seed and the smallest failing input.
 */

const RUNS = Number(process.env.RANDOM_INPUT_RUNS || 40)

let server: AppServer
let database: pg.Client
let eventId: number

// Headers a client cannot send (fetch refuses them) or that only frame the HTTP message itself.
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'host', 'te', 'trailer', 'http2-settings', 'proxy-connection'])
const headerName = fc.oneof(
  fc.constantFrom(
    'accept', 'accept-language', 'authorization', 'cookie', 'content-type', 'origin', 'referer', 'x-captcha-token',
    'x-forwarded-for', 'x-payload-http-method-override', 'if-none-match', 'range', 'x-http-method-override',
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,24}$/).filter((name) => !FRAMING_HEADERS.has(name)),
)
// Visible ASCII and spaces, as HTTP allows in a header value.
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,120}$/),
  fc.constantFrom('JWT not-a-token', 'users API-Key nope', 'payload-token=forged', 'text/html', 'application/json', 'GET', 'PATCH', 'DELETE', '::1, 10.0.0.1', 'unknown'),
)
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 6 })

const queryKey = fc.oneof(
  fc.constantFrom('depth', 'limit', 'page', 'sort', 'select[name]', 'populate', 'locale', 'draft', 'trash', 'token', 'action', 'where[slug][equals]', 'where[startsAt][greater_than]', 'where[or][0][name][like]', 'where[capacity][in]', 'joins', 'pagination', 'where'),
  fc.string({ maxLength: 20 }),
)
const queryString = fc.oneof(
  fc
    .array(fc.tuple(queryKey, fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String), fc.constantFrom('-1', '1e309', 'NaN', 'null', '[]', '{}', '%', '2027-13-45', 'true'))), { maxLength: 5 })
    .map((pairs) => (pairs.length ? '?' + pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&') : '')),
  fc.string({ maxLength: 60 }).map((raw) => '?' + raw.replace(/[\s#]/g, '')),
)

const jsonBody = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value))
/** A valid body of a form with some fields replaced, added or dropped: it gets past the first checks. */
const nearlyValid = (slug: (typeof SUBMISSION_FORMS)[number]['slug']) =>
  fc
    .tuple(
      fc.dictionary(
        fc.constantFrom(...Object.keys(validSubmission(slug, 1)), 'id', 'status', 'createdAt', 'assignedTo', 'faxNumber', '__proto__', 'constructor', 'captchaToken'),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 300 }), fc.constant(null)),
        { maxKeys: 4 },
      ),
      fc.array(fc.constantFrom(...Object.keys(validSubmission(slug, 1))), { maxLength: 3 }),
    )
    .map(([replaced, dropped]) => {
      const body: Record<string, unknown> = { ...validSubmission(slug, eventId), ...replaced }
      for (const field of dropped) delete body[field]
      return JSON.stringify(body)
    })
const rawBody = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('', '{', '{"a":', 'null', '[]', '"x"', 'a=1&b=2', '--x\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}\r\n--x--'))
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', undefined)

const graphqlBody = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        'mutation ($data: mutationRegistrationInput!) { createRegistration(data: $data) { id } }',
        'mutation ($data: mutationVolunteerApplicationInput!) { createVolunteerApplication(data: $data) { id email } }',
        '{ Events(where: $w) { docs { id name } } }',
        'query ($w: Event_where) { Events(where: $w, limit: 5) { docs { id } } }',
        '{ Registrations { docs { email } } }',
        '{ __schema { types { name } } }',
        'mutation { updateRegistration(id: 1, data: { status: confirmed }) { id } }',
      ),
      fc.string({ maxLength: 120 }),
    ),
    fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ data: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })) }), fc.record({ w: fc.jsonValue({ maxDepth: 3 }) })),
  )
  .map(([query, variables]) => JSON.stringify({ query, variables }))

const FORM_PATHS = SUBMISSION_FORMS.flatMap((form) => [`/api/${form.slug}`, `/api${form.guide.submitPath}/`])
const postTarget = fc.oneof(
  fc.constantFrom(...FORM_PATHS).chain((path) => {
    const slug = SUBMISSION_FORMS.find((form) => path === `/api/${form.slug}` || path === `/api${form.guide.submitPath}/`)!.slug
    return fc.record({ path: fc.constant(path), body: fc.oneof(nearlyValid(slug), jsonBody, rawBody) })
  }),
  fc.record({ path: fc.constant('/api/graphql'), body: fc.oneof(graphqlBody, jsonBody, rawBody) }),
  fc.record({ path: fc.constantFrom('/api/status', '/api/registrations/confirm'), body: fc.oneof(jsonBody, rawBody) }),
)
const getPath = fc.oneof(
  fc.constantFrom('/api/events', '/api/health', '/api/status', '/api/registrations/confirm', '/api/registrations', '/api/openapi.json', '/api/graphql', '/api/users/me'),
  fc.oneof(fc.integer(), fc.string({ maxLength: 20 })).map((id) => `/api/events/${encodeURIComponent(String(id))}`),
)

/** Submissions and queued emails, all forms together. */
async function storedRows(): Promise<number> {
  const tables = [...SUBMISSION_FORMS.map((form) => form.slug.replaceAll('-', '_')), 'email_outbox']
  const { rows } = await database.query(`select ${tables.map((table) => `(select count(*) from ${table})`).join(' + ')} as total`)
  return Number(rows[0].total)
}

type Sent = { method: string; path: string; query: string; headers: Record<string, string>; body?: string; type?: string }
async function send({ method, path, query, headers, body, type }: Sent) {
  const before = await storedRows()
  const response = await fetch(`${server.baseURL}${path}${query}`, {
    method,
    redirect: 'manual',
    // The server trusts one proxy (this test): a fresh client address keeps the rate limits out of the way.
    headers: { 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`, ...(type ? { 'content-type': type } : {}), ...headers },
    body,
  })
  const text = await response.text()
  const accepted = response.status < 300 && !(path === '/api/graphql' && /"errors"/.test(text))
  return { status: response.status, text, accepted, storedMore: (await storedRows()) > before }
}

beforeAll(async () => {
  server = await startServerBeside(inject('databaseUrl'), { TRUST_PROXY: '1', RATE_LIMIT_FORM_PER_IP: '1000' })
  database = new pg.Client({ connectionString: inject('databaseUrl') })
  await database.connect()
  eventId = await createOpenEventOverHttp(inject('baseURL'))
}, 180_000)

afterAll(async () => {
  await database?.end()
  await server?.stop()
})

describe('random input at every public endpoint of the production server', () => {
  // The server's side of a failure: the logged error behind a 5xx.
  beforeEach(() => onTestFailed(() => console.error(server.output().slice(-6000))))

  it('POSTs with random bodies, headers and query strings: never a 5xx, nothing stored when refused', async () => {
    await fc.assert(
      fc.asyncProperty(postTarget, headers, queryString, contentType, async ({ path, body }, sentHeaders, query, type) => {
        const answer = await send({ method: 'POST', path, query, headers: sentHeaders, body, type })
        expect(answer.status, answer.text).toBeLessThan(500)
        if (!answer.accepted) expect(answer.storedMore, answer.text).toBe(false)
      }),
      { numRuns: RUNS * 4 },
    )
  })

  it('GETs with random query strings and headers: never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(getPath, headers, queryString, async (path, sentHeaders, query) => {
        const answer = await send({ method: 'GET', path, query, headers: sentHeaders })
        expect(answer.status, answer.text).toBeLessThan(500)
        expect(answer.storedMore).toBe(false)
      }),
      { numRuns: RUNS * 2 },
    )
  })
})
