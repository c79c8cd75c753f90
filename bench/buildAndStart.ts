/**
 * Build time, build peak memory and cold start of the production server.
 *
 *   npx tsx bench/buildAndStart.ts [--runs 3]
 *
 * 1. `next build` from scratch (.next removed) with an unreachable DATABASE_URL (a build must not
 *    need the database); wall time and peak resident memory summed over the process tree.
 * 2. The production server (`node src/server.mjs`, what `npm start` runs) against a migrated database, `--runs` times: time from spawn to the first 200
 *    from /api/health and from /admin/login, and resident memory once idle.
 */
import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'

import { startAppServer } from '../tests/helpers/appServer'
import { appEnv, createTestDatabase } from '../tests/helpers/testDatabase'

import { mib, samplePeakRss, treeRss } from './lib/processTreeMemory'

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function measureBuild() {
  const env = appEnv('postgres://build:build@127.0.0.1:1/build')
  await rm('.next', { recursive: true, force: true })
  const started = performance.now()
  const child = spawn('next', ['build'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const memory = samplePeakRss(child.pid!)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const peak = memory.stop()
  if (code !== 0) throw new Error(`next build failed:\n${output}`)
  return { seconds: (performance.now() - started) / 1000, peakBytes: peak }
}

async function measureColdStart(databaseUrl: string) {
  const started = performance.now()
  const server = await startAppServer(appEnv(databaseUrl), { pollIntervalMs: 20 })
  const healthMs = performance.now() - started
  const admin = await fetch(`${server.baseURL}/admin/login`)
  const adminMs = performance.now() - started
  if (!admin.ok) throw new Error(`/admin/login answered ${admin.status}`)
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const idleBytes = treeRss(server.pid)
  await server.stop()
  return { healthMs, adminMs, idleBytes }
}

const build = await measureBuild()
console.log(`next build: ${build.seconds.toFixed(1)} s, peak RSS of the process tree ${mib(build.peakBytes)}`)

const database = await createTestDatabase('bench_start')
try {
  const starts = []
  for (let run = 1; run <= runs; run++) {
    const start = await measureColdStart(database.url)
    starts.push(start)
    console.log(
      `server start run ${run}: /api/health 200 after ${Math.round(start.healthMs)} ms, ` +
        `first /admin/login after ${Math.round(start.adminMs)} ms, idle RSS ${mib(start.idleBytes)}`,
    )
  }
  console.log(
    `median of ${runs}: health ${Math.round(median(starts.map((s) => s.healthMs)))} ms, ` +
      `admin ${Math.round(median(starts.map((s) => s.adminMs)))} ms, ` +
      `idle RSS ${mib(median(starts.map((s) => s.idleBytes)))}`,
  )
} finally {
  await database.drop()
}
