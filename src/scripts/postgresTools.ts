import { execFile } from 'node:child_process'
import { accessSync, constants, readdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

export type PostgresTool = 'pg_dump' | 'pg_restore'
export type FoundTool = { path: string; major: number }

const DEBIAN_BIN_ROOT = '/usr/lib/postgresql'

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Folders that may hold the tool: PG_BIN_DIR alone when it is set (an operator who names the
 * binaries means those), otherwise PATH, then Debian's /usr/lib/postgresql/<major>/bin.
 */
function candidateFolders(): string[] {
  const chosen = process.env.PG_BIN_DIR?.trim()
  if (chosen) return [chosen]
  const debian = (() => {
    try {
      return readdirSync(DEBIAN_BIN_ROOT).map((version) => path.join(DEBIAN_BIN_ROOT, version, 'bin'))
    } catch {
      return []
    }
  })()
  return [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...debian]
}

/** Every copy of `tool` found, with its major version, newest first. */
export async function installedTools(tool: PostgresTool): Promise<FoundTool[]> {
  const files = [...new Set(candidateFolders().map((folder) => path.join(folder, tool)))].filter(isExecutable)
  const found = await Promise.all(
    files.map(async (file) => {
      // "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
      const { stdout } = await promisify(execFile)(file, ['--version']).catch(() => ({ stdout: '' }))
      const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(stdout)?.[1])
      return Number.isInteger(major) ? { path: file, major } : undefined
    }),
  )
  return found.filter((tool) => tool !== undefined).sort((a, b) => b.major - a.major)
}

/**
 * The newest `tool` when it is at least the server's major version (pg_dump refuses older servers
 * only the other way round, and an older pg_restore cannot read a newer server's dump); otherwise
 * an Error whose one-line message names the versions and the fix.
 */
export async function findTool(tool: PostgresTool, serverMajor: number): Promise<FoundTool> {
  const found = await installedTools(tool)
  if (found[0] && found[0].major >= serverMajor) return found[0]
  const seen = found.length ? found.map((copy) => `${copy.path} is ${copy.major}`).join(', ') : `no ${tool} found`
  throw new Error(
    `${tool} must be at least the server's version, PostgreSQL ${serverMajor} (${seen}${process.env.PG_BIN_DIR ? ` in PG_BIN_DIR` : ''}): ` +
      `install postgresql-client-${serverMajor}, or set PG_BIN_DIR to the folder of a newer ${tool}.`,
  )
}

/** The major version of the server a connection string points to. */
export async function serverMajorVersion(connectionString: string): Promise<number> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num')
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000)
  } finally {
    await client.end()
  }
}

/**
 * The connection string without its password, and the environment that passes the password
 * instead (PGPASSWORD): a password on the command line is readable by every user of the machine.
 */
export function libpqConnection(connectionString: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(connectionString)
  const password = decodeURIComponent(url.password)
  url.password = ''
  return { dbname: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } }
}
