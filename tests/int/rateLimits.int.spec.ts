import { connect } from 'node:net'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { toSnakeCase } from '@/lib/caseConversion'
import { createRateLimits } from '@/abuse/rateLimits'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { runCommand } from '../helpers/testDatabase'
import { waitFor } from '../helpers/waitFor'

// This file's own limits, read when its limiters are first used.
process.env.RATE_LIMIT_FORM_PER_IP = '3'
process.env.RATE_LIMIT_FORM_PER_EMAIL = '2'
process.env.RATE_LIMIT_LOGIN_PER_IP = '3'
process.env.SPAM_SAME_CONTENT_PER_10_MIN = '1'

let payload: Payload
let eventId: number
const anonymous = RestClient.anonymous()
let ipCounter = 0
/** A fresh client address per test: counters live in the shared database. */
const freshIp = () => `198.18.${process.pid % 250}.${++ipCounter}`
const fromIp = (ip: string) => ({ 'X-Forwarded-For': ip })

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = (await createOpenEvent(payload)).id
})

describe('public forms from one IP address', () => {
  it('accept 3 posts an hour per form, then answer 429 with Retry-After and store nothing', async () => {
    const ip = freshIp()
    for (let post = 0; post < 3; post++) {
      const response = await anonymous.post('/registrations', { body: validSubmission('registrations', eventId), headers: fromIp(ip) })
      expect(response.status).toBe(201)
    }
    const body = validSubmission('registrations', eventId)
    const refused = await anonymous.post('/registrations', { body, headers: fromIp(ip) })
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0].message).toMatch(/Too many attempts/)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    expect((await payload.count({ collection: 'registrations', where: { email: { equals: body.email } } })).totalDocs).toBe(0)
    // Security events are stored just after the response.
    await waitFor('the rate-limited security event', async () => {
      const events = await payload.count({ collection: 'security-events', where: { kind: { equals: 'rate-limited' } } })
      return events.totalDocs > 0 ? true : undefined
    })
  })

  it('count honeypot posts too, each answered as if accepted until the limit', async () => {
    const ip = freshIp()
    for (let post = 0; post < 3; post++) {
      const bot = { ...validSubmission('registrations', eventId), faxNumber: '+1 555 0100' }
      expect((await anonymous.post('/registrations', { body: bot, headers: fromIp(ip) })).status).toBe(201)
    }
    const fourth: Record<string, unknown> = { ...validSubmission('registrations', eventId), faxNumber: '+1 555 0100' }
    expect((await anonymous.post('/registrations', { body: fourth, headers: fromIp(ip) })).status).toBe(429)
    expect((await anonymous.post('/registrations', { body: validSubmission('registrations', eventId), headers: fromIp(ip) })).status).toBe(429)
    expect((await payload.count({ collection: 'registrations', where: { email: { equals: fourth.email } } })).totalDocs).toBe(0)
  })

  it('count each form separately', async () => {
    const ip = freshIp()
    for (let post = 0; post < 3; post++) {
      await anonymous.post('/registrations', { body: validSubmission('registrations', eventId), headers: fromIp(ip) })
    }
    const volunteer = await anonymous.post('/volunteer-applications', {
      body: validSubmission('volunteer-applications', eventId),
      headers: fromIp(ip),
    })
    expect(volunteer.status).toBe(201)
  })

  it('answer 429 with Retry-After in the guide envelope too', async () => {
    const ip = freshIp()
    const snake = () =>
      Object.fromEntries(Object.entries(validSubmission('registrations', eventId)).map(([k, v]) => [toSnakeCase(k), v]))
    for (let post = 0; post < 3; post++) await anonymous.post('/register/', { body: snake(), headers: fromIp(ip) })
    const refused = await anonymous.post('/register/', { body: snake(), headers: fromIp(ip) })
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({ status: 'error', errors: [{ field: null, message: expect.stringMatching(/Too many attempts/) }] })
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('hold across two app processes sharing the store', async () => {
    const ip = freshIp()
    const output = await runCommand(['tsx', 'tests/helpers/postFromAnotherProcess.ts', String(eventId), ip, '2'], {
      ...process.env,
      PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}`,
    })
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toEqual([201, 201])
    const third = await anonymous.post('/registrations', { body: validSubmission('registrations', eventId), headers: fromIp(ip) })
    expect(third.status).toBe(201)
    const fourth = await anonymous.post('/registrations', { body: validSubmission('registrations', eventId), headers: fromIp(ip) })
    expect(fourth.status).toBe(429)
  }, 60_000)
})

describe('GraphQL creates from one IP address', () => {
  it('count against the same limit and are refused with status 429 after 3', async () => {
    const ip = freshIp()
    const mutation = 'mutation ($data: mutationRegistrationInput!) { createRegistration(data: $data) { id } }'
    // Choice values whose GraphQL enum names are spelled the same.
    const data = () => ({ ...validSubmission('registrations', eventId), interestAreas: ['fintech'] })
    for (let post = 0; post < 3; post++) {
      const response = await anonymous.graphql(mutation, { data: data() }, fromIp(ip))
      expect(response.body.errors).toBeUndefined()
    }
    const refused = await anonymous.graphql(mutation, { data: data() }, fromIp(ip))
    expect(refused.body.errors[0].extensions.statusCode).toBe(429)
  })
})

describe('public forms for one recipient email', () => {
  it('accept 2 posts an hour per form whatever the IP, then 429 (no mail-bombing through confirmations)', async () => {
    const body = validSubmission('sponsor-applications', eventId)
    expect((await anonymous.post('/sponsor-applications', { body, headers: fromIp(freshIp()) })).status).toBe(201)
    expect((await anonymous.post('/sponsor-applications', { body, headers: fromIp(freshIp()) })).status).toBe(201)
    const refused = await anonymous.post('/sponsor-applications', {
      body: { ...body, contactEmail: (body.contactEmail as string).toUpperCase() },
      headers: fromIp(freshIp()),
    })
    expect(refused.status).toBe(429)
  })
})

describe('the same form content from one IP address', () => {
  it('is accepted once per 10 minutes; changed content is not held back', async () => {
    const ip = freshIp()
    const body = validSubmission('exhibitor-applications', eventId)
    expect((await anonymous.post('/exhibitor-applications', { body, headers: fromIp(ip) })).status).toBe(201)
    const replay = await anonymous.post('/exhibitor-applications', {
      body: { ...body, businessDescription: ` ${body.businessDescription} `, captchaToken: 'another-token' },
      headers: fromIp(ip),
    })
    expect(replay.status).toBe(429)
    const changed = validSubmission('exhibitor-applications', eventId)
    expect((await anonymous.post('/exhibitor-applications', { body: changed, headers: fromIp(ip) })).status).toBe(201)
  })
})

describe('logins from one IP address', () => {
  it('are refused with 429 after 3 attempts, whichever accounts they try', async () => {
    const ip = freshIp()
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await anonymous.post('/users/login', {
        body: { email: `nobody-${attempt}@otei.test`, password: 'guess' },
        headers: fromIp(ip),
      })
      expect(response.status).toBe(401)
    }
    const refused = await anonymous.post('/users/login', { body: { email: 'admin@otei.test', password: 'guess' }, headers: fromIp(ip) })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})

const redisAnswers = await new Promise<boolean>((resolve) => {
  const socket = connect(6379, '127.0.0.1')
  socket.once('connect', () => resolve(socket.end() && true))
  socket.once('error', () => resolve(false))
})

describe('rate limits in Redis (REDIS_URL)', () => {
  it.skipIf(!redisAnswers)('are shared by two independent limiter sets, as two processes would', async () => {
    const errors: unknown[] = []
    const options = { pool: payload.db.pool, redisUrl: 'redis://127.0.0.1:6379', onStoreError: (error: unknown) => errors.push(error) }
    const first = createRateLimits(options)
    const second = createRateLimits(options)
    const key = `redis-spec:${Date.now()}`
    expect(await first.consume('formPerEmail', key)).toEqual({ allowed: true })
    expect(await second.consume('formPerEmail', key)).toEqual({ allowed: true })
    expect(await first.consume('formPerEmail', key)).toEqual({ allowed: false, retryAfterS: expect.any(Number) })
    expect(errors).toEqual([])
  })
})
