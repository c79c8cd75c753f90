/**
 * Runs a command (next dev, the migrations, the seed…) with a database ready.
 *
 *   tsx src/scripts/withDatabase.ts [--migrate] -- <command> [args…]
 *
 * DATABASE_URL set: used as it is. Not set: an embedded PostgreSQL is started from
 * .data/postgres for as long as the command runs. The database lives here, outside Next,
 * because Next loads the config in several worker processes that would race to start it.
 * PAYLOAD_SECRET not set (development only): a random one is kept in .data/payload-secret.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

import { startEmbeddedPostgres, type RunningPostgres } from './embeddedPostgres'

const DATA_DIR = path.resolve('.data')
const DEV_DATABASE = 'otei'

async function main() {
  const separator = process.argv.indexOf('--')
  const options = process.argv.slice(2, separator === -1 ? undefined : separator)
  const command = separator === -1 ? [] : process.argv.slice(separator + 1)
  if (command.length === 0) {
    console.error('usage: tsx src/scripts/withDatabase.ts [--migrate] -- <command> [args…]')
    process.exit(2)
  }

  if (existsSync('.env')) process.loadEnvFile('.env')
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  const production = process.env.NODE_ENV === 'production'

  if (!process.env.PAYLOAD_SECRET) {
    if (production) fail('PAYLOAD_SECRET must be set in production.')
    process.env.PAYLOAD_SECRET = await readOrCreateDevSecret()
  }

  let embedded: RunningPostgres | undefined
  if (!process.env.DATABASE_URL) {
    if (production) fail('DATABASE_URL must be set in production.')
    console.log('[db] DATABASE_URL not set: starting the embedded PostgreSQL in .data/postgres …')
    embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, 'postgres') })
    process.env.DATABASE_URL = await ensureDatabase(embedded.serverUrl, DEV_DATABASE)
    console.log(`[db] embedded PostgreSQL ready on 127.0.0.1:${embedded.port} (database "${DEV_DATABASE}")`)
  }

  let exitCode = 0
  try {
    if (options.includes('--migrate')) exitCode = await run(['tsx', 'src/scripts/migrate.ts'])
    if (exitCode === 0) exitCode = await run(command)
  } finally {
    await embedded?.stop()
  }
  process.exit(exitCode)
}

function run([bin, ...args]: string[]): Promise<number> {
  return new Promise((resolve) => {
    const PATH = [path.resolve('node_modules/.bin'), process.env.PATH].join(path.delimiter)
    const child = spawn(bin, args, { stdio: 'inherit', env: { ...process.env, PATH } })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', (error) => {
      console.error(`[db] could not run ${bin}: ${error.message}`)
      resolve(127)
    })
    child.on('close', (code) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? 1)
    })
  })
}

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`)
  } finally {
    await client.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function readOrCreateDevSecret(): Promise<string> {
  const file = path.join(DATA_DIR, 'payload-secret')
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  await mkdir(DATA_DIR, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  await writeFile(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

function fail(message: string): never {
  console.error(`[db] ${message}`)
  process.exit(1)
}

main().catch((error) => {
  console.error(`[db] ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
