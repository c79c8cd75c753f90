/**
 * Where one registration's CPU time goes, by taking layers away one at a time, in one process
 * (the app loaded as the tests load it, not the production bundle) on the peer's PostgreSQL:
 *
 *   1. REST create as the frontend sends it: route handler, captcha over HTTP, rate limits, …
 *   2. the same with the captcha provider set to none          → 1 − 2 = captcha check
 *   3. Local API create (no REST handler, no abuse guard)      → 2 − 3 = REST + rate limits
 *   4. Local API create without the confirmation email queued  → 3 − 4 = queueing the email
 *   5. payload.db.create alone (insert + read-back, no hooks)  → 4 − 5 = Payload's operation:
 *      validation, field hooks, access, our collection hooks (duplicate check, event window…)
 *
 *   npx tsx bench/registrationBreakdown.ts [--count 600] [--concurrency 10]
 *
 * CPU per registration of this process (process.cpuUsage) and of the PostgreSQL server
 * processes, and the database transactions each takes (pg_stat_database).
 */
import { sql } from '@payloadcms/db-postgres/drizzle'
import { spawn } from 'node:child_process'

import { findFreePort } from '../src/scripts/findFreePort'
import { requestDatabase } from '../src/db/requestDatabase'
import { openEventData } from '../tests/helpers/submissions'

import { cpuSplit } from './lib/cpuTime'
import { numberOption } from './lib/options'
import { startInProcessApp } from './lib/inProcessApp'
import { benchRegistration } from './lib/ourServer'

const COUNT = numberOption('count', 600)
const CONCURRENCY = numberOption('concurrency', 10)

// A siteverify stand-in in its own process, so that its CPU is not counted as ours.
const siteverifyPort = await findFreePort()
const siteverify = spawn(
  process.execPath,
  [
    '-e',
    `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => { s.writeHead(200, { 'Content-Type': 'application/json' }); s.end('{"success":true}') }) }).listen(${siteverifyPort}, '127.0.0.1')`,
  ],
  { stdio: 'ignore' },
)

const { payload, config, stop } = await startInProcessApp('breakdown', {
  NODE_ENV: 'production',
  SERVER_URL: 'http://127.0.0.1:3000',
  SMTP_HOST: '127.0.0.1',
  CAPTCHA_PROVIDER: 'turnstile',
  CAPTCHA_SECRET: 'bench',
  CAPTCHA_VERIFY_URL: `http://127.0.0.1:${siteverifyPort}/siteverify`,
  RATE_LIMIT_FORM_PER_IP: '100000000',
  RATE_LIMIT_FORM_PER_EMAIL: '100000000',
})
const { REST_POST } = await import('@payloadcms/next/routes')
const post = REST_POST(config) as unknown as (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

const event = await payload.create({ collection: 'events', data: openEventData({ name: 'Breakdown Summit' }) })

let serial = 0
const registration = () => {
  const n = serial++
  return benchRegistration(event.id, `breakdown-${n}@bench.example.com`, `0803${String(n % 10_000_000).padStart(7, '0')}`)
}

const overRest = async () => {
  const response = await post(
    new Request('http://127.0.0.1:3000/api/registrations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.7' },
      body: JSON.stringify({ ...registration(), captchaToken: 'pass' }),
    }),
    { params: Promise.resolve({ slug: ['registrations'] }) },
  )
  if (response.status !== 201) throw new Error(`REST create answered ${response.status}: ${await response.text()}`)
}

const stages: { name: string; captcha: string; create: () => Promise<unknown> }[] = [
  { name: '1. REST create, every protection on', captcha: 'turnstile', create: overRest },
  { name: '2. REST create, captcha provider none', captcha: 'none', create: overRest },
  { name: '3. Local API create', captcha: 'none', create: () => payload.create({ collection: 'registrations', data: registration() as never }) },
  {
    name: '4. Local API create, no email queued',
    captcha: 'none',
    create: () => payload.create({ collection: 'registrations', data: registration() as never, context: { skipEmails: true } }),
  },
  {
    name: '5. payload.db.create (insert + read-back)',
    captcha: 'none',
    create: () => payload.db.create({ collection: 'registrations', data: { ...registration(), status: 'confirmed' } }),
  },
]

const statementCount = async () => {
  const { rows } = await (await requestDatabase(payload)).execute(
    sql`select xact_commit + xact_rollback as transactions from pg_stat_database where datname = current_database()`,
  )
  return Number(rows[0].transactions)
}

const runConcurrently = async (create: () => Promise<unknown>, count: number) => {
  let started = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (started++ < count) await create()
    }),
  )
}

console.log(`${COUNT} registrations per stage, ${CONCURRENCY} at a time, one process\n`)
const results: { name: string; cpuMs: number; postgresMs: number; transactions: number; wallMs: number }[] = []
for (const stage of stages) {
  process.env.CAPTCHA_PROVIDER = stage.captcha
  await runConcurrently(stage.create, 300) // warm-up
  const transactionsBefore = await statementCount()
  const machine = cpuSplit(process.pid)
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  await runConcurrently(stage.create, COUNT)
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const { postgres } = machine.stop()
  const transactions = ((await statementCount()) - transactionsBefore - 1) / COUNT
  results.push({ name: stage.name, cpuMs: (cpu.user + cpu.system) / 1000 / COUNT, postgresMs: (postgres * 1000) / COUNT, transactions, wallMs })
  console.log(
    `${stage.name.padEnd(44)} app CPU ${((cpu.user + cpu.system) / 1000 / COUNT).toFixed(2)} ms  PostgreSQL CPU ${((postgres * 1000) / COUNT).toFixed(2)} ms  ` +
      `transactions ${transactions.toFixed(1)}  (${((COUNT * 1000) / wallMs).toFixed(0)}/s)`,
  )
}
console.log('\nlayer                                          app CPU ms per registration')
const layers = ['captcha check (HTTP to siteverify)', 'REST handler, request, rate limits (PostgreSQL store)', 'queueing the email (outbox + job)', "Payload's operation: validation, field and collection hooks, access", 'insert + read-back (drizzle, pg)']
results.forEach((result, index) => {
  const next = results[index + 1]
  const own = next ? result.cpuMs - next.cpuMs : result.cpuMs
  console.log(`  ${layers[index].padEnd(70)} ${own.toFixed(2)}`)
})

siteverify.kill()
await stop()
process.exit(0)
