/**
 * Where one registration's time goes: our production server as one process under a CPU profiler
 * (`node --cpu-prof`), a POST load, the CPU each process spent on it, then the profile summarised by where the code lives (Next.js,
 * Payload, drizzle/pg, our src/…), plus the SQL statements one registration sends.
 *
 *   npx tsx bench/profileRegistration.ts [--seconds 15] [--connections 10] [--top 25] [--capacity N] [--confirm-at-once]
 *
 * By default the event asks for email confirmation and has no capacity, so a registration takes no
 * place. `--confirm-at-once` turns double opt-in off (every registration is confirmed as it is
 * made); with `--capacity N` as well, each one takes a place under the event's row lock.
 *
 * The raw profile is kept (its path is printed): open it in Chrome DevTools' Performance panel.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { cpuSplit } from './lib/cpuTime'
import { postLoad } from './lib/peerBench'
import { numberOption } from './lib/options'
import { startOurServer } from './lib/ourServer'

const SECONDS = numberOption('seconds', 15)
const CONNECTIONS = numberOption('connections', 10)
const TOP = numberOption('top', 25)
const CAPACITY = numberOption('capacity', 0)
const CONFIRM_AT_ONCE = process.argv.includes('--confirm-at-once')

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Which part of the stack a script belongs to, from its path. */
function area(url: string): string {
  if (!url) return '(native, GC, idle)'
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  const ours = url.indexOf('/src/')
  if (ours >= 0 && !url.includes('.next/')) return `our ${url.slice(ours + 1).split('/').slice(0, 2).join('/')}`
  if (url.includes('.next/server/chunks')) return 'bundled server chunks (Next.js, Payload, our code)'
  if (url.startsWith('node:') || !url.includes('/')) return 'node internals'
  return url
}

const profileDir = await mkdtemp(path.join(tmpdir(), 'otei-profile-'))
const ours = await startOurServer(
  { WEB_CONCURRENCY: '1', JOBS_AUTORUN: 'false' },
  {
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    event: { ...(CAPACITY && { capacity: CAPACITY }), ...(CONFIRM_AT_ONCE && { requireEmailConfirmation: false }) },
  },
)
await postLoad(`${ours.baseURL}/api/registrations`, ours.registrationTemplate, CONNECTIONS, 3) // warm-up

// The SQL of one registration, from PostgreSQL's own statement log.
const db = new pg.Client({ connectionString: ours.databaseUrl })
await db.connect()
const databaseName = new URL(ours.databaseUrl).pathname.slice(1)
const { rows: before } = await db.query('select xact_commit + xact_rollback as transactions from pg_stat_database where datname = $1', [databaseName])

const cpu = cpuSplit(ours.pid)
const { result } = await postLoad(`${ours.baseURL}/api/registrations`, ours.registrationTemplate, CONNECTIONS, SECONDS)
const used = cpu.stop()
const { rows: after } = await db.query('select xact_commit + xact_rollback as transactions from pg_stat_database where datname = $1', [databaseName])
await db.end()
await ours.stopServer()

const files = (await readdir(profileDir)).filter((file) => file.endsWith('.cpuprofile'))
const profile = JSON.parse(await readFile(path.join(profileDir, files[0]), 'utf8')) as Profile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const selfByArea = new Map<string, number>()
const selfByFunction = new Map<string, number>()
let total = 0
profile.samples.forEach((id, index) => {
  const node = byId.get(id)!
  const micros = profile.timeDeltas[index] ?? 0
  total += micros
  const { functionName, url, lineNumber } = node.callFrame
  const where = functionName === '(idle)' ? '(idle)' : area(url)
  selfByArea.set(where, (selfByArea.get(where) ?? 0) + micros)
  const name = `${functionName || '(anonymous)'} ${url.split('node_modules/').pop()}:${lineNumber + 1}`
  selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + micros)
})
const busy = total - (selfByArea.get('(idle)') ?? 0)
const created = result.status['201'] ?? 0

console.log(`\nevent: ${CONFIRM_AT_ONCE ? 'confirmed at once' : 'double opt-in'}, ${CAPACITY ? `capacity ${CAPACITY}` : 'no capacity'}`)
console.log(`${created} registrations in ${SECONDS} s at ${CONNECTIONS} connections (${result.rps.toFixed(0)} req/s, p50 ${result.p50_ms.toFixed(1)} ms, p99 ${result.p99_ms.toFixed(1)} ms), one process`)
const perRegistration = (seconds: number) => `${((seconds * 1000) / created).toFixed(2)} ms`
console.log(
  `CPU per registration during the load: server ${perRegistration(used.server)}, PostgreSQL ${perRegistration(used.postgres)}, ` +
    `load generator and bench script ${perRegistration(used.other)} (machine: ${used.machine.toFixed(1)} CPU-s in ${SECONDS} s on 2 cores)`,
)
console.log(`database transactions per registration: ${((Number(after[0].transactions) - Number(before[0].transactions)) / created).toFixed(1)}`)
console.log('\nself time by area (share of busy time):')
for (const [where, micros] of [...selfByArea].filter(([where]) => where !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, TOP))
  console.log(`  ${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${where}`)
console.log('\nhottest functions (self time):')
for (const [name, micros] of [...selfByFunction].filter(([name]) => !name.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, TOP))
  console.log(`  ${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${name}`)
console.log(`\nprofile: ${path.join(profileDir, files[0])}`)
await ours.stop()
