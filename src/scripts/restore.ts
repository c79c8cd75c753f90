/**
 * npm run restore -- FILE [--target URL] [--force]: restores a dump of npm run backup into the
 * database of DATABASE_URL (or URL), created when it does not exist. A database that has tables
 * already is refused unless --force, which replaces its public schema. The uploads tar beside the
 * dump, when there is one, is unpacked into the upload folders (files of the same name replaced).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import pg from 'pg'

import { uploadsBesideDump } from './backupFiles'
import { findTool, libpqConnection, serverMajorVersion } from './postgresTools'

const run = promisify(execFile)
const USAGE = 'usage: npm run restore -- FILE [--target postgres://…] [--force]'

class Refusal extends Error {}

function parseArguments(args: string[]) {
  const force = args.includes('--force')
  const targetAt = args.indexOf('--target')
  const target = targetAt === -1 ? process.env.DATABASE_URL : args[targetAt + 1]
  const files = args.filter((arg, index) => !arg.startsWith('--') && index !== targetAt + 1)
  if (files.length !== 1 || !target) throw new Refusal(USAGE)
  return { file: files[0]!, target, force }
}

async function restore() {
  const { file, target, force } = parseArguments(process.argv.slice(2))
  if (!existsSync(file)) throw new Refusal(`${file} does not exist.`)
  const targetUrl = new URL(target)
  const database = decodeURIComponent(targetUrl.pathname.slice(1))
  const pgRestore = await findTool('pg_restore', await serverMajorVersion(maintenanceUrl(targetUrl)))

  await withClient(maintenanceUrl(targetUrl), async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database])
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(database)}`)
      console.log(`[restore] created database "${database}"`)
    }
  })
  await withClient(target, async (client) => {
    const { rows } = await client.query<{ tables: number }>(
      "select count(*)::int as tables from pg_tables where schemaname = 'public'",
    )
    if (rows[0]!.tables === 0) return
    if (!force)
      throw new Refusal(`database "${database}" is not empty (${rows[0]!.tables} tables in public): pass --force to replace it, or restore into another (--target).`)
    // The whole schema, not only the dump's objects (pg_restore --clean): tables added since the
    // backup would otherwise stay and the migrations recorded would not match the schema.
    await client.query('drop schema public cascade; create schema public')
    console.log(`[restore] --force: emptied the public schema of "${database}"`)
  })

  const { dbname, env } = libpqConnection(target)
  // --no-owner/--no-privileges: the roles of the backed-up server need not exist here; one
  // transaction: a restore that fails leaves the database empty, not half restored.
  await run(pgRestore.path, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file], { env })
  console.log(`[restore] restored ${file} into "${database}"`)

  const uploads = uploadsBesideDump(file)
  if (uploads !== file && existsSync(uploads)) {
    await run('tar', ['--extract', `--file=${uploads}`])
    console.log(`[restore] unpacked ${uploads} into the upload folders`)
  }
}

/** The same server's `postgres` database, where a missing target database can be created. */
function maintenanceUrl(target: URL): string {
  const url = new URL(target)
  url.pathname = '/postgres'
  return url.toString()
}

async function withClient(connectionString: string, work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    await work(client)
  } finally {
    await client.end()
  }
}

restore().then(
  () => process.exit(0),
  (error) => {
    const stderr = (error as { stderr?: string }).stderr?.trim()
    const message = stderr || (error instanceof Error ? error.message : String(error))
    console.error(error instanceof Refusal ? `[restore] refused: ${message}` : `[restore] failed: ${message}`)
    process.exit(error instanceof Refusal ? 2 : 1)
  },
)
