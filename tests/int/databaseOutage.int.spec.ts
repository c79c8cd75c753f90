import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startEmbeddedPostgres, type RunningPostgres } from '@/scripts/embeddedPostgres'

import { type Answer, postRegistration, runClients, storedWrites } from '../helpers/load'
import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import type { JsonResponse } from '../helpers/restClient'
import { createOpenEvent } from '../helpers/submissions'
import { tempClusterDir } from '../helpers/testDatabase'
import type { TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

const CLIENTS = 20
const OUTAGE_MS = 4000
/** The longest any request may take, outage or not: clients must never be left hanging. */
const ANSWER_WITHIN_MS = 10_000
/** After PostgreSQL is back, registrations succeed again within this long, without a restart. */
const RECOVERY_WITHIN_MS = 15_000
const UNAVAILABLE = 'The service is briefly unavailable; please try again.'
/** A refused client tries again after this pause, as a frontend would, rather than in a tight loop. */
const RETRY_PAUSE_MS = 250

type Probe = { status: number; ms: number; headers: Headers; body: any }

let postgres: RunningPostgres
let own: OwnDatabase
let payload: Payload
let staff: TestUser
let answers: Answer[]
let downAt: number
let upAt: number
let eventId: number
const duringOutage: { health?: Probe; staffList?: Probe; guideForm?: Probe } = {}
const afterRecovery: { health?: Probe; staffList?: Probe } = {}

const timed = async (request: () => Promise<JsonResponse>): Promise<Probe> => {
  const started = Date.now()
  const response = await request()
  return { ...response, ms: Date.now() - started }
}
const probeHealth = () => timed(() => own.RestClient.anonymous().get('/health'))
const probeStaffList = () => timed(() => staff.client.get('/registrations', { query: { limit: 5 } }))
/** The requirements guide's endpoint, which answers in its own envelope. */
const probeGuideForm = () =>
  timed(() =>
    own.RestClient.anonymous().post('/register/', {
      body: { event: eventId, first_name: 'Ada', last_name: 'Okafor', email: `guide-${Date.now()}@example.com`, phone: '0803 123 4567', city: 'Ogbomoso', participant_categories: ['student'], physical_event_ack: true },
    }),
  )

beforeAll(async () => {
  // A PostgreSQL of this file's own, whatever DATABASE_URL says: the test stops and restarts it.
  const dataDir = await tempClusterDir()
  postgres = await startEmbeddedPostgres({ dataDir, persistent: true })
  process.env.DATABASE_URL = postgres.serverUrl
  own = await useOwnDatabase('outage')
  payload = own.payload
  // Imported only now: it loads the app's config, which must see this file's own database.
  const { createUser } = await import('../helpers/users')
  await createUser(payload, ['admin']) // the first account of a database always becomes admin
  staff = await createUser(payload, ['staff'])
  const event = await createOpenEvent(payload)
  eventId = event.id
  const anonymous = own.RestClient.anonymous()

  let stopPosting = false
  const posting = runClients(
    CLIENTS,
    async (client) => {
      const answer = await postRegistration(anonymous, event.id, `192.0.2.${client + 1}`)
      if (answer.status !== 201) await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS))
      return answer
    },
    () => !stopPosting,
  )
  await waitFor('registrations flowing', async () =>
    (await payload.count({ collection: 'registrations' })).totalDocs >= 2 * CLIENTS ? true : undefined,
  )
  downAt = Date.now()
  await postgres.stop() // SIGINT: PostgreSQL's fast shutdown, as `pg_ctl stop -m fast`
  duringOutage.health = await probeHealth()
  duringOutage.staffList = await probeStaffList()
  duringOutage.guideForm = await probeGuideForm()
  // The outage itself: PostgreSQL stays down this long while the clients keep posting.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, downAt + OUTAGE_MS - Date.now())))
  // Same data, same port: as a restarted server, where the app's pool expects it.
  postgres = await startEmbeddedPostgres({ dataDir, persistent: false, port: postgres.port })
  upAt = Date.now()

  await waitFor(
    'registrations accepted again',
    async () => ((await payload.count({ collection: 'registrations', where: { createdAt: { greater_than: new Date(upAt).toISOString() } } })).totalDocs >= CLIENTS ? true : undefined),
    { timeoutMs: 60_000 },
  )
  stopPosting = true
  answers = await posting
  afterRecovery.health = await probeHealth()
  afterRecovery.staffList = await probeStaffList()
}, 300_000)

afterAll(async () => {
  await own?.drop()
  await postgres?.stop()
})

const after = (moment: number) => (answer: Answer) => answer.sentAt >= moment

describe('public registrations while PostgreSQL stops for a few seconds', () => {
  it('answers every request within 10 s, none left hanging', () => {
    expect(answers.filter((answer) => answer.status === 0)).toEqual([])
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(ANSWER_WITHIN_MS)
  })

  it('answers 503 with a clear message and Retry-After during the outage, never a 500', () => {
    const refused = answers.filter((answer) => answer.status !== 201)
    expect(refused.length).toBeGreaterThan(0)
    expect(
      refused
        .filter((answer) => answer.status !== 503 || answer.body?.errors?.[0]?.message !== UNAVAILABLE || !answer.headers.get('Retry-After'))
        .map(({ status, body }) => ({ status, body })),
    ).toEqual([])
  })

  it('accepts registrations again by itself once PostgreSQL is back', () => {
    const firstAccepted = answers.filter(after(upAt)).find((answer) => answer.status === 201)
    expect(firstAccepted).toBeDefined()
    expect(firstAccepted!.sentAt + firstAccepted!.ms - upAt).toBeLessThan(RECOVERY_WITHIN_MS)
  })

  it('keeps its whole connection pool afterwards: no connection left checked out for good', async () => {
    const pool = payload.db.pool
    await waitFor('every pool connection back', async () => (pool.totalCount === pool.idleCount ? true : undefined), { timeoutMs: 5000 })
  })

  it('stores exactly the registrations answered 201, each with its confirmation request and job', async () => {
    const { registrations, outboxRows, jobs } = await storedWrites(payload)
    const accepted = answers.filter((answer) => answer.status === 201).map((answer) => answer.email)
    expect(registrations.map((registration) => registration.email).sort()).toEqual(accepted.sort())
    expect(registrations.filter((registration) => registration.outboxIds.length !== 1 || registration.jobs !== 1)).toEqual([])
    expect(outboxRows).toBe(registrations.length)
    expect(jobs).toBe(registrations.length)
  })
})

describe('GET /api/health while PostgreSQL is down', () => {
  it('answers 503 with Retry-After within its 2 s database timeout, then 200 once it is back', () => {
    expect(duringOutage.health).toMatchObject({ status: 503, body: { status: 'error', database: 'unreachable' } })
    expect(duringOutage.health!.headers.get('Retry-After')).toBeTruthy()
    expect(duringOutage.health!.ms).toBeLessThan(3000) // its 2 s, and some slack for a busy machine
    expect(afterRecovery.health).toMatchObject({ status: 200, body: { status: 'ok' } })
  })
})

describe('POST /api/register/ (the guide endpoint) while PostgreSQL is down', () => {
  it('answers 503 in the guide envelope with Retry-After, not its 500', () => {
    expect(duringOutage.guideForm).toMatchObject({ status: 503, body: { status: 'error', errors: [{ field: null, message: UNAVAILABLE }] } })
    expect(duringOutage.guideForm!.headers.get('Retry-After')).toBeTruthy()
  })
})

describe('the registrations list as staff while PostgreSQL is down', () => {
  it('answers 503 with the same message rather than an access or server error, then the list once it is back', () => {
    expect(duringOutage.staffList).toMatchObject({ status: 503, body: { errors: [{ message: UNAVAILABLE }] } })
    expect(duringOutage.staffList!.ms).toBeLessThan(ANSWER_WITHIN_MS)
    expect(afterRecovery.staffList!.status).toBe(200)
    expect(afterRecovery.staffList!.body.totalDocs).toBeGreaterThan(0)
  })
})
