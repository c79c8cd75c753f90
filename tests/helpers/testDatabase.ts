import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { startEmbeddedPostgres, type RunningPostgres } from '../../src/scripts/embeddedPostgres'

export type TestDatabase = {
  url: string
  /** Drops the database and stops the embedded server when the run started one. */
  drop: () => Promise<void>
}

/**
 * The test runs' FIELD_ENCRYPTION_KEY (production refuses to start without one): the same in every
 * process of a run (global setups, test files, the servers and workers they start), so each reads
 * what another wrote. Fixed rather than random: it only ever guards throwaway databases.
 */
export const TEST_FIELD_ENCRYPTION_KEY = createHash('sha256').update('otei tests: field encryption').digest('base64')

/** Environment for the app's own commands (migrate, seed, next start). */
export const appEnv = (databaseUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || randomBytes(24).toString('hex'),
  // Production (next start) refuses to start without a deliberate choice; captcha tests set their own.
  CAPTCHA_PROVIDER: process.env.CAPTCHA_PROVIDER || 'none',
  FIELD_ENCRYPTION_KEY: process.env.FIELD_ENCRYPTION_KEY || TEST_FIELD_ENCRYPTION_KEY,
  PATH: [path.resolve('node_modules/.bin'), process.env.PATH].join(path.delimiter),
})

/**
 * A uniquely named, migrated database for one test run: on the server DATABASE_URL points to
 * when it is set, otherwise on a throwaway embedded PostgreSQL.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  let embedded: RunningPostgres | undefined
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: await tempClusterDir(), persistent: false })
    serverUrl = embedded.serverUrl
  }
  const name = `otei_test_${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  await withClient(serverUrl, (client) => client.query(`create database ${client.escapeIdentifier(name)}`))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`

  const drop = async () => {
    await withClient(serverUrl, (client) =>
      client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
    )
    await embedded?.stop()
  }
  try {
    await migrate(url.toString())
  } catch (error) {
    await drop()
    throw error
  }
  return { url: url.toString(), drop }
}

/** A fresh folder for a throwaway cluster, reachable by the OS user PostgreSQL runs as under root. */
export async function tempClusterDir(): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'otei-test-pg-'))
  await chmod(parent, 0o755)
  return path.join(parent, 'data')
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * tsx on Node 20 now and then exits with code 13 and no output at all while loading modules when
 * the machine is busy (see the note in src/scripts/migrate.ts): such a run changed nothing, so it
 * is retried once. Any other failure is reported as it is.
 */
async function migrate(url: string): Promise<void> {
  try {
    await runCommand(['tsx', 'src/scripts/migrate.ts'], appEnv(url))
  } catch (error) {
    if (!(error instanceof Error && /exited 13:\n$/.test(error.message))) throw error
    await runCommand(['tsx', 'src/scripts/migrate.ts'], appEnv(url))
  }
}

/** Runs one of the project's commands; its output is shown only when it fails. */
export function runCommand([bin, ...args]: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${bin} ${args.join(' ')} exited ${code}:\n${output}`)),
    )
  })
}
