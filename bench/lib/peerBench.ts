/**
 * The guide's own stack (../shared/peer-bench: Django + DRF on gunicorn, its PostgreSQL cluster
 * and its wrk load scripts), driven from the bench scripts so both sides run in one sitting with
 * the same load tool and the same database server. PEER_BENCH_DIR overrides where it lives.
 */
import { execFile } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const PEER_DIR = path.resolve(process.env.PEER_BENCH_DIR || '../shared/peer-bench')
/** The peer's PostgreSQL cluster (pg/env.sh): both sides' databases live on it. */
export const BENCH_POSTGRES_URL = 'postgres://postgres@127.0.0.1:55433/postgres'
export const DJANGO_URL = 'http://127.0.0.1:8801'
const DJANGO_RUN_DIR = '/tmp/bench-django-ref'

const script = async (relative: string, args: string[] = [], env: Record<string, string> = {}) => {
  const { stdout } = await run(path.join(PEER_DIR, relative), args, {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  })
  return stdout
}

export const startBenchPostgres = () => script('pg/start.sh')

/** gunicorn with the peer's default 2 sync workers on a fresh database. */
export async function startDjango(): Promise<{ pid: number; authHeader: string }> {
  await script('django-ref/run.sh', [], { WORKERS: process.env.PEER_WORKERS || '2' })
  const pid = Number((await readFile(path.join(DJANGO_RUN_DIR, 'gunicorn.pid'), 'utf8')).trim())
  const authHeader = (await readFile(path.join(DJANGO_RUN_DIR, 'token_auth_header'), 'utf8')).trim()
  return { pid, authHeader }
}

export const stopDjango = () => script('django-ref/stop.sh')
export const seedDjango = (rows: number) => script('django-ref/seed.sh', [String(rows)])

/** One wrk run's summary, as load/reg.lua writes it. */
export type LoadResult = {
  rps: number
  rps_2xx: number
  p50_ms: number
  p90_ms: number
  p99_ms: number
  max_ms: number
  n2xx: number
  non2xx: number
  status: Record<string, number>
  socket_errors: Record<string, number>
}

let runCounter = 0

async function load(
  relative: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ result: LoadResult; runTag: string }> {
  const runTag = `b${Date.now().toString(36)}${++runCounter}`
  const resultFile = path.join(tmpdir(), `otei-bench-${runTag}.json`)
  try {
    await script(relative, args, { ...env, RESULT_JSON: resultFile, RUN_TAG: runTag })
    return { result: JSON.parse(await readFile(resultFile, 'utf8')) as LoadResult, runTag }
  } finally {
    await rm(resultFile, { force: true })
  }
}

/** POSTs the body template (with {{EMAIL}} unique per request, prefixed by the run tag) for `seconds`. */
export const postLoad = (url: string, bodyTemplate: string, connections: number, seconds: number) =>
  load('load/post.sh', [url, bodyTemplate, String(connections), String(seconds)], {})

export const getLoad = async (url: string, authHeader: string, connections: number, seconds: number) =>
  (await load('load/get.sh', [url, authHeader], { CONNECTIONS: String(connections), DURATION: String(seconds) })).result

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
