/**
 * A signed-out public read as the frontend makes it (the event list, or with --path the agenda that
 * bench/seedAgenda.ts makes), against a running server: full answers, then conditional ones
 * (If-None-Match with the answer's ETag, answered 304), interleaved run by run.
 *
 *   npx tsx bench/agendaRead.ts http://127.0.0.1:3000 [--runs 3] [--seconds 20] [--connections 20]
 *                               [--path '/api/events?limit=100']
 *
 * Start the server yourself: the production build (`npm run build && npm start`, WEB_CONCURRENCY as
 * production runs it) with its events in place (`npm run seed`, or more). The load is wrk through
 * ../shared/peer-bench's load/get.sh (Debian's `wrk`), without Accept-Encoding: uncompressed.
 */
import { getLoad, type LoadResult, median } from './lib/peerBench'
import { numberOption } from './lib/options'

const baseURL = process.argv[2]
if (!baseURL?.startsWith('http')) {
  console.error('usage: npx tsx bench/agendaRead.ts <server URL, e.g. http://127.0.0.1:3000> [--runs 3] [--seconds 20] [--connections 20] [--path /api/events]')
  process.exit(2)
}
const RUNS = numberOption('runs', 3)
const SECONDS = numberOption('seconds', 20)
const CONNECTIONS = numberOption('connections', 20)
const pathIndex = process.argv.indexOf('--path')
const PATH = pathIndex > 0 ? process.argv[pathIndex + 1] : '/api/events?limit=100'
const url = `${baseURL.replace(/\/$/, '')}${PATH}`

const first = await fetch(url)
const etag = first.headers.get('etag')
const body = await first.text()
if (first.status !== 200 || !etag) throw new Error(`GET ${url}: ${first.status}, ETag ${etag}; expected 200 with an ETag`)
console.log(`GET ${PATH}: ${body.length} bytes, ${JSON.parse(body).docs.length} documents, Cache-Control ${first.headers.get('cache-control')}`)

const SCENARIOS = { full: '', conditional: `If-None-Match: ${etag}` }
type Scenario = keyof typeof SCENARIOS
const results: Record<Scenario, LoadResult[]> = { full: [], conditional: [] }

// Warm up (module loading, connection pools), unmeasured.
for (const header of Object.values(SCENARIOS)) await getLoad(url, header, CONNECTIONS, 3)
for (let run = 1; run <= RUNS; run++) {
  for (const [scenario, header] of Object.entries(SCENARIOS) as [Scenario, string][]) {
    const result = await getLoad(url, header, CONNECTIONS, SECONDS)
    results[scenario].push(result)
    const codes = Object.entries(result.status).map(([code, n]) => `${code}×${n}`).join(' ')
    console.log(`  ${scenario.padEnd(11)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50_ms.toFixed(1)}  p99 ${result.p99_ms.toFixed(1)} ms  ${codes}`)
  }
}

console.log(`\nmedians of ${RUNS} runs × ${SECONDS} s at ${CONNECTIONS} connections`)
console.log('| GET ' + PATH + ' | req/s | p50 / p99 ms | answers |')
console.log('| --- | --- | --- | --- |')
for (const [scenario, runs] of Object.entries(results)) {
  const m = (key: 'rps' | 'p50_ms' | 'p99_ms') => median(runs.map((result) => result[key]))
  const statuses = [...new Set(runs.flatMap((result) => Object.keys(result.status)))].join(', ')
  console.log(`| ${scenario === 'full' ? 'full answer' : 'If-None-Match (304)'} | ${m('rps').toFixed(0)} | ${m('p50_ms').toFixed(1)} / ${m('p99_ms').toFixed(1)} | ${statuses} |`)
}
