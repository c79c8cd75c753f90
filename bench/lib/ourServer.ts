/**
 * This backend as production runs it, for the bench scripts: the production build started with
 * `node src/server.mjs` on a migrated database (on the peer's PostgreSQL cluster), every
 * protection on — captcha verified over HTTP against a local siteverify server, rate limits
 * counted (raised for the run), SMTP pointed at a local server — plus an admin and an open event.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type pg from 'pg'

import { findFreePort } from '../../src/scripts/findFreePort'
import { startAppServer } from '../../tests/helpers/appServer'
import { httpJson } from '../../tests/helpers/httpClient'
import { startSiteverifyServer } from '../../tests/helpers/siteverifyServer'
import { startSmtpServer, type TestSmtpServer } from '../../tests/helpers/smtpServer'
import { openEventData } from '../../tests/helpers/submissions'
import { appEnv, createTestDatabase } from '../../tests/helpers/testDatabase'
import { registerFirstAdmin } from '../../tests/helpers/twoFactor'
import { waitFor } from '../../tests/helpers/waitFor'

import { BENCH_POSTGRES_URL, startBenchPostgres } from './peerBench'

export type OurServer = {
  baseURL: string
  pid: number
  databaseUrl: string
  /** `Authorization: JWT …` of the admin. */
  authHeader: string
  eventId: number
  /** A wrk body template (load/post.sh placeholders) for POST /api/registrations. */
  registrationTemplate: string
  smtp: TestSmtpServer
  /** The server's environment, for other processes of the app (npm run worker). */
  env: NodeJS.ProcessEnv
  /** Stops the server only; the database stays for another start. */
  stopServer: () => Promise<void>
  /** Starts the server again on the same database, with extra environment. */
  restartServer: (env?: Record<string, string>) => Promise<void>
  stop: () => Promise<void>
}

/** The peer's registration (load/registration.json) in this API's field names. */
export const benchRegistration = (event: number, email: string, phone: string) => ({
  event,
  firstName: 'Bench',
  lastName: 'User',
  email,
  phone,
  gender: 'female' as const,
  city: 'Lagos',
  organizationName: 'Acme Labs',
  role: 'Engineer',
  yearsExperience: 5,
  participantCategories: ['student' as const, 'startup-founder' as const],
  interestAreas: ['ai-ml' as const, 'fintech' as const, 'healthtech' as const],
  fullAttendance: true,
  hearAbout: 'twitter',
  specialRequests: '',
  pitchStartup: false,
  postEventMentorship: true,
  joinCommunity: true,
  agreeUpdates: true,
  physicalEventAck: true,
})

export async function startOurServer(
  env: Record<string, string> = {},
  { nodeArgs = [] as string[], event: eventFields = {} as Record<string, unknown> } = {},
): Promise<OurServer> {
  await startBenchPostgres()
  process.env.DATABASE_URL = BENCH_POSTGRES_URL
  const database = await createTestDatabase('bench')
  const captchaSecret = randomBytes(12).toString('hex')
  const siteverify = await startSiteverifyServer('turnstile', captchaSecret)
  const smtpPort = await findFreePort()
  const smtp = await startSmtpServer(smtpPort)
  const serverEnv = (extra: Record<string, string>) => ({
    ...appEnv(database.url),
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY || '2',
    CAPTCHA_PROVIDER: 'turnstile',
    CAPTCHA_SECRET: captchaSecret,
    CAPTCHA_VERIFY_URL: siteverify.url,
    RATE_LIMIT_FORM_PER_IP: '100000000',
    RATE_LIMIT_FORM_PER_EMAIL: '100000000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    ...env,
    ...extra,
  })
  let server = await startAppServer(serverEnv({}), { nodeArgs })

  // Production requires two-factor authentication of admins: the helper enrols this one.
  const { token } = await registerFirstAdmin(server.baseURL, {
    email: 'bench-admin@otei.test',
    password: randomBytes(12).toString('hex'),
  })
  const event = await httpJson(server.baseURL, 'POST', '/api/events', {
    token,
    body: openEventData({ name: 'Bench Summit', slug: 'bench-summit', ...eventFields }),
  })
  if (event.status !== 201) throw new Error(`event: ${event.status} ${JSON.stringify(event.body)}`)
  const eventId: number = event.body.doc.id

  const body = { ...benchRegistration(eventId, '{{EMAIL}}', '{{PHONE}}'), captchaToken: 'pass' }
  const registrationTemplate = path.join(tmpdir(), `otei-bench-registration-${eventId}.json`)
  await writeFile(registrationTemplate, JSON.stringify(body))
  const probe = await httpJson(server.baseURL, 'POST', '/api/registrations', {
    body: { ...body, email: 'probe@bench.example.com', phone: '08031234567' },
  })
  if (probe.status !== 201) throw new Error(`a registration from the template answered ${probe.status}: ${JSON.stringify(probe.body)}`)

  return {
    get baseURL() {
      return server.baseURL
    },
    get pid() {
      return server.pid
    },
    databaseUrl: database.url,
    authHeader: `Authorization: JWT ${token}`,
    eventId,
    registrationTemplate,
    smtp,
    env: serverEnv({}),
    stopServer: () => server.stop(),
    restartServer: async (extra = {}) => {
      server = await startAppServer(serverEnv(extra), { nodeArgs })
    },
    stop: async () => {
      await server.stop()
      await smtp.stop()
      await siteverify.close()
      await database.drop()
    },
  }
}

/** `rows` confirmed registrations (replacing all others), created one second apart, as the peer's seed.sh makes its own. */
export async function seedRegistrations(db: pg.Client, event: number, rows: number) {
  await db.query('truncate registrations restart identity cascade')
  await db.query(
    `insert into registrations (event_id, first_name, last_name, name, email, phone, gender, city,
       organization_name, role, years_experience, hear_about, special_requests, full_attendance,
       pitch_startup, post_event_mentorship, join_community, agree_updates, physical_event_ack,
       status, created_at, updated_at)
     select $1, 'Seed' || i, 'User' || i, 'Seed' || i || ' User' || i, 'seed-' || i || '@seed.example.com',
       '+234803' || lpad((i % 10000000)::text, 7, '0'),
       (array['male','female','prefer-not-to-say'])[1 + i % 3]::enum_registrations_gender,
       (array['Lagos','Abuja','Port Harcourt','Ibadan','Kano'])[1 + i % 5],
       case when i % 3 = 0 then null else 'Org ' || (i % 500) end,
       case when i % 4 = 0 then null else 'Engineer' end,
       case when i % 5 = 0 then null else i % 30 end,
       'twitter', '', i % 2 = 0, i % 2 = 1, i % 3 = 1, true, i % 2 = 0, true, 'confirmed',
       now() - make_interval(secs => $2 - i), now() - make_interval(secs => $2 - i)
     from generate_series(1, $2::int) as s(i)`,
    [event, rows],
  )
  await db.query(
    `insert into registrations_participant_categories ("order", parent_id, value)
     select o, r.id, (array['student','startup-founder'])[o]::enum_registrations_participant_categories
     from registrations r cross join generate_series(1, 2) as o`,
  )
  await db.query(
    `insert into registrations_interest_areas ("order", parent_id, value)
     select o, r.id, (array['ai-ml','fintech','healthtech'])[o]::enum_registrations_interest_areas
     from registrations r cross join generate_series(1, 3) as o`,
  )
  await db.query('vacuum analyze registrations, registrations_participant_categories, registrations_interest_areas')
}

/** `npm run worker`'s script with the server's environment, once it runs jobs. */
export async function startJobWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const worker = spawn('tsx', ['src/scripts/worker.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  worker.stdout!.on('data', (chunk) => (output += chunk))
  worker.stderr!.on('data', (chunk) => (output += chunk))
  await waitFor('the worker to start', async () => (output.includes('worker: running jobs') ? true : undefined), { timeoutMs: 60_000 })
  return worker
}
