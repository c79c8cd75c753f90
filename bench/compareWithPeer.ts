/**
 * Registration POST and the staff list, this backend against the guide's own stack (Django + DRF,
 * ../shared/peer-bench), in one sitting: the same wrk script, connections, duration and
 * PostgreSQL server (the peer's cluster on 127.0.0.1:55433), runs interleaved side by side.
 *
 *   npx tsx bench/compareWithPeer.ts [--runs 3] [--seconds 20] [--list-rows 100000] [--skip-list]
 *
 * Ours: the production build (`npm run build` first) started as production runs it
 * (`node src/server.mjs`, WEB_CONCURRENCY processes, default 2 = the cores), every protection on:
 * captcha verified over HTTP against a local siteverify server, rate limits counted (limits
 * raised for the run, store as configured: PostgreSQL, or Redis with REDIS_URL), duplicate
 * check, the confirmation email queued as a job (jobs not run during the load). After the POST
 * runs it reconciles: rows == 201 responses, no duplicate emails, one queued email and job each.
 * The staff list is GET page 1 and page 1,000 (50 a page) with LIST_ROWS registrations.
 */
import path from 'node:path'
import pg from 'pg'

import { mib, samplePeakRss, treeRss } from './lib/processTreeMemory'
import {
  DJANGO_URL,
  getLoad,
  type LoadResult,
  median,
  PEER_DIR,
  postLoad,
  seedDjango,
  startDjango,
  stopDjango,
} from './lib/peerBench'
import { numberOption } from './lib/options'
import { seedRegistrations, startOurServer } from './lib/ourServer'

const RUNS = numberOption('runs', 3)
const SECONDS = numberOption('seconds', 20)
const LIST_ROWS = numberOption('list-rows', 100_000)
const SKIP_LIST = process.argv.includes('--skip-list')
const CONNECTIONS = [10, 50]
const PROCESSES = process.env.WEB_CONCURRENCY || '2'

type Side = 'peer' | 'ours'
const results: Record<string, Record<Side, LoadResult[]>> = {}
const record = (scenario: string, side: Side, result: LoadResult) => {
  results[scenario] ??= { peer: [], ours: [] }
  results[scenario][side].push(result)
  const codes = Object.entries(result.status)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ')
  console.log(
    `  ${side.padEnd(4)} ${scenario.padEnd(22)} ${result.rps.toFixed(0).padStart(5)} req/s  ` +
      `p50 ${result.p50_ms.toFixed(1)}  p90 ${result.p90_ms.toFixed(1)}  p99 ${result.p99_ms.toFixed(1)} ms  ${codes}`,
  )
}

console.log(`peer-bench: ${PEER_DIR}; ${RUNS} runs × ${SECONDS} s; our server: ${PROCESSES} processes`)

// --- ours (emails are queued by each registration; sending them is bench/emails.ts's measure)
const ours = await startOurServer({ JOBS_AUTORUN: 'false' })
const ourPid = ours.pid

// --- the peer
const django = await startDjango()
const peerTemplate = path.join(PEER_DIR, 'load/registration.json')
const ourUrl = `${ours.baseURL}/api/registrations`
const peerUrl = `${DJANGO_URL}/api/register/`

// Warm both (lazy module loading, connection pools), unmeasured.
await postLoad(peerUrl, peerTemplate, 10, 5)
await postLoad(ourUrl, ours.registrationTemplate, 10, 5)
const restingMemory = { peer: treeRss(django.pid), ours: treeRss(ourPid) }
const loadedMemory = { peer: 0, ours: 0 }

const ourRunTags: { tag: string; created: number; connections: number }[] = []
console.log('\nregistration POST')
for (let run = 1; run <= RUNS; run++) {
  for (const connections of CONNECTIONS) {
    const scenario = `POST c=${connections}`
    for (const side of ['peer', 'ours'] as const) {
      const memory = samplePeakRss(side === 'peer' ? django.pid : ourPid)
      const { result, runTag } = await postLoad(side === 'peer' ? peerUrl : ourUrl, side === 'peer' ? peerTemplate : ours.registrationTemplate, connections, SECONDS)
      const peak = memory.stop()
      if (connections === 50) loadedMemory[side] = Math.max(loadedMemory[side], peak)
      record(scenario, side, result)
      if (side === 'ours') ourRunTags.push({ tag: runTag, created: result.status['201'] ?? 0, connections })
    }
  }
}

// --- reconcile our rows with our 201s
const client = new pg.Client({ connectionString: ours.databaseUrl })
await client.connect()
const reconciliation = []
for (const { tag, created, connections } of ourRunTags) {
  const pattern = `${tag}-%`
  const { rows } = await client.query(
    `select
       (select count(*) from registrations where email like $1)::int as rows,
       (select count(distinct email) from registrations where email like $1)::int as distinct_emails,
       (select count(*) from email_outbox where "to" like $1 and template = 'registration-confirmation-request')::int as emails,
       (select count(*) from payload_jobs j join email_outbox o on (j.input->>'outboxId')::int = o.id
          where j.task_slug = 'sendEmail' and o."to" like $1)::int as jobs`,
    [pattern],
  )
  const counts = rows[0]
  // Requests still in flight when wrk stops are completed by the server but not counted by wrk.
  const inFlight = counts.rows - created
  const ok =
    inFlight >= 0 && inFlight <= connections && [counts.distinct_emails, counts.emails, counts.jobs].every((n) => n === counts.rows)
  reconciliation.push(ok)
  console.log(`  reconcile ${tag}: 201 responses ${created} (+${inFlight} in flight at the end), rows ${counts.rows}, distinct emails ${counts.distinct_emails}, queued emails ${counts.emails}, jobs ${counts.jobs} ${ok ? 'OK' : 'MISMATCH'}`)
}

// --- the staff list with LIST_ROWS registrations on each side
if (!SKIP_LIST) {
  console.log(`\nstaff list with ${LIST_ROWS} registrations`)
  await seedDjango(LIST_ROWS)
  await seedRegistrations(client, ours.eventId, LIST_ROWS)
  const ourAuth = ours.authHeader
  for (const page of [1, 1000]) {
    await getLoad(`${DJANGO_URL}/api/admin/registrations/?page=${page}`, django.authHeader, 10, 3)
    await getLoad(`${ours.baseURL}/api/registrations?limit=50&page=${page}`, ourAuth, 10, 3)
    for (let run = 1; run <= RUNS; run++) {
      record(`GET page ${page}`, 'peer', await getLoad(`${DJANGO_URL}/api/admin/registrations/?page=${page}`, django.authHeader, 10, SECONDS))
      record(`GET page ${page}`, 'ours', await getLoad(`${ours.baseURL}/api/registrations?limit=50&page=${page}`, ourAuth, 10, SECONDS))
    }
  }
}
await client.end()

// --- summary
console.log('\nmedians (ratio = ours / peer requests/s)')
console.log('| scenario | peer req/s | ours req/s | ratio | peer p50 / p99 ms | ours p50 / p99 ms | ours non-2xx |')
console.log('| --- | --- | --- | --- | --- | --- | --- |')
for (const [scenario, sides] of Object.entries(results)) {
  const m = (side: Side, key: keyof LoadResult) => median(sides[side].map((r) => r[key] as number))
  console.log(
    `| ${scenario} | ${m('peer', 'rps').toFixed(0)} | ${m('ours', 'rps').toFixed(0)} | ${(m('ours', 'rps') / m('peer', 'rps')).toFixed(2)}× | ` +
      `${m('peer', 'p50_ms').toFixed(1)} / ${m('peer', 'p99_ms').toFixed(1)} | ${m('ours', 'p50_ms').toFixed(1)} / ${m('ours', 'p99_ms').toFixed(1)} | ` +
      `${sides.ours.reduce((sum, r) => sum + r.non2xx, 0)} |`,
  )
}
console.log(`\nresident memory, process tree: peer at rest ${mib(restingMemory.peer)}, under 50 connections ${mib(loadedMemory.peer)}; ours at rest ${mib(restingMemory.ours)}, under 50 connections ${mib(loadedMemory.ours)}`)
console.log(`reconciliation: ${reconciliation.every(Boolean) ? 'every run OK' : 'MISMATCH'}`)

await stopDjango()
await ours.stop()
if (!reconciliation.every(Boolean)) process.exit(1)
