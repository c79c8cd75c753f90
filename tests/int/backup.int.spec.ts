import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startEmbeddedPostgres } from '@/scripts/embeddedPostgres'
import { installedTools, serverMajorVersion } from '@/scripts/postgresTools'

import { CONTENT_SLUGS, contentData } from '../helpers/content'
import { runQueuedJobs } from '../helpers/jobs'
import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import { startS3Server, type TestS3 } from '../helpers/s3Server'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer'
import { openEventData, SUBMISSION_SLUGS, validSubmission } from '../helpers/submissions'
import { startSystemPostgres, SYSTEM_INITDB_PATH, type SystemPostgres } from '../helpers/systemPostgres'
import { appEnv, runCommand, tempClusterDir } from '../helpers/testDatabase'
import { imageBytes, pdfBytes, uploadForm } from '../helpers/uploads'

// pg_dump must be at least the server's version. The run's server may be newer than every pg_dump
// here (the embedded PostgreSQL 18 against Debian's 15): then this file's database lives on a
// throwaway cluster of the system's own PostgreSQL, which its pg_dump can back up.
let cluster: SystemPostgres | undefined
let own: OwnDatabase
let payload: Payload
let smtp: TestSmtpServer
let s3: TestS3
let scratch: string
let databaseUrl: string
let restoredUrl: string
let dumpFile: string
let original: Record<string, string>
/** The files this file uploaded (a media image and its sizes, a sponsor deck), with their bytes. */
let uploadedFiles: { file: string; bytes: Buffer }[]

beforeAll(async () => {
  const newestDump = (await installedTools('pg_dump'))[0]
  if (!newestDump || newestDump.major < (await serverMajorVersion(process.env.DATABASE_URL!))) {
    cluster = await startSystemPostgres()
    process.env.DATABASE_URL = cluster.serverUrl
  }
  scratch = await mkdtemp(path.join(tmpdir(), 'otei-backup-test-'))
  smtp = await startSmtpServer(Number(process.env.SMTP_PORT))
  s3 = await startS3Server('otei-backups')
  own = await useOwnDatabase('backup')
  payload = own.payload
  databaseUrl = process.env.DATABASE_URL!
  uploadedFiles = await fillEveryCollection()
  // The app's scheduler (Payload's cron, every second even with JOBS_AUTORUN=false) writes
  // payload_jobs_stats: stopped, so the database holds still between a backup and the comparison.
  for (const cron of payload.crons) cron.stop()
}, 300_000)

afterAll(async () => {
  if (restoredUrl) await dropDatabase(restoredUrl)
  await own?.drop()
  await cluster?.stop()
  await s3?.stop()
  await smtp?.stop()
  await Promise.all((uploadedFiles ?? []).map(({ file }) => rm(file, { force: true })))
  await rm(scratch, { recursive: true, force: true })
})

/** Everything an event's team and its public leave in the database, made through the REST API. */
async function fillEveryCollection(): Promise<{ file: string; bytes: Buffer }[]> {
  const { createUser } = await import('../helpers/users')
  await createUser(payload, ['admin']) // the first account of a database always becomes admin
  const staff = await createUser(payload, ['staff'])
  const editor = await createUser(payload, ['editor'])
  const anonymous = own.RestClient.anonymous()
  const created = (response: { status: number; body: any }) => {
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc
  }

  const event = created(await staff.client.post('/events', { body: openEventData() })).id
  for (const slug of SUBMISSION_SLUGS.filter((slug) => slug !== 'sponsor-applications'))
    created(await anonymous.post(`/${slug}`, { body: validSubmission(slug, event) }))
  const sponsor = created(
    await anonymous.post('/sponsor-applications', {
      form: uploadForm(validSubmission('sponsor-applications', event), 'deck', { bytes: pdfBytes(3000), name: 'backup-deck.pdf', type: 'application/pdf' }),
    }),
  )
  // A filled honeypot: answered as accepted, recorded as a security event.
  await anonymous.post('/volunteer-applications', { body: { ...validSubmission('volunteer-applications', event), faxNumber: '555' } })
  for (const slug of CONTENT_SLUGS) created(await editor.client.post(`/${slug}`, { body: { ...contentData(slug, event), _status: 'published' } }))
  const media = created(
    await editor.client.post('/media', { form: uploadForm({ alt: 'The hall' }, 'file', { bytes: await imageBytes('png'), name: 'backup-hall.png', type: 'image/png' }) }),
  )
  const template = (await editor.client.get('/email-templates', { query: { limit: 1 } })).body.docs[0]
  expect((await editor.client.patch(`/email-templates/${template.id}`, { body: { subject: `${template.subject} (edited)` } })).status).toBe(200)
  await runQueuedJobs(payload)
  expect(smtp.received.length).toBeGreaterThanOrEqual(4)

  const [deck] = (await payload.find({ collection: 'sponsor-decks', where: { application: { equals: sponsor.id } } })).docs
  const files = [
    path.resolve('.data/media', media.filename),
    ...Object.values(media.sizes as Record<string, { filename: string | null }>)
      .flatMap(({ filename }) => (filename ? [path.resolve('.data/media', filename)] : [])),
    path.resolve('.data/sponsor-decks', deck!.filename!),
  ]
  return Promise.all(files.map(async (file) => ({ file, bytes: await readFile(file) })))
}

/** Each table of the public schema: its row count and an md5 of its rows; each sequence's value. */
async function fingerprint(connectionString: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    const result: Record<string, string> = {}
    const { rows: tables } = await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'")
    for (const { name } of tables) {
      const table = `public.${client.escapeIdentifier(name)}`
      const { rows } = await client.query<{ count: number; md5: string }>(
        `select count(*)::int as count, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${table} t`,
      )
      result[name] = `${rows[0]!.count} rows, md5 ${rows[0]!.md5}`
    }
    const { rows: sequences } = await client.query<{ name: string; value: string | null }>(
      "select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'",
    )
    for (const { name, value } of sequences) result[`sequence ${name}`] = String(value)
    return result
  } finally {
    await client.end()
  }
}

async function sql(connectionString: string, statement: string) {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

const databaseBeside = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString()

const dropDatabase = (url: string) =>
  sql(databaseBeside(url, 'postgres'), `drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`)

/** The environment of `npm run backup`: uploads on local disk (S3_BUCKET unset). */
const backupEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...appEnv(databaseUrl), S3_BUCKET: '', ...extra })

const npm = (args: string[], env: NodeJS.ProcessEnv) => runCommand(['npm', 'run', '--silent', ...args], env)

/** The failure of a command that should fail: its exit code and output. */
async function failureOf(command: Promise<string>): Promise<{ code: number; output: string }> {
  const error = await command.then(
    (output) => new Error(`expected a failure, but it succeeded:\n${output}`),
    (error: Error) => error,
  )
  const match = /exited (\d+):\n([\s\S]*)$/.exec(error.message)
  if (!match) throw error
  return { code: Number(match[1]), output: match[2]! }
}

const mode = async (file: string) => ((await stat(file)).mode & 0o777).toString(8)

describe('npm run backup, then npm run restore into a new database, as an operator', () => {
  it('writes a dump and a tar of the uploads, named by the UTC time, readable by its owner only', async () => {
    const directory = path.join(scratch, 'backups')
    const output = await npm(['backup'], backupEnv({ BACKUP_DIR: directory }))
    const names = await readdir(directory)
    expect(names).toHaveLength(2)
    const stamp = /^otei-(\d{8}T\d{6}Z)\.dump$/.exec(names.find((name) => name.endsWith('.dump'))!)![1]
    expect(names.sort()).toEqual([`otei-${stamp}.dump`, `otei-${stamp}.uploads.tar`])
    expect(Math.abs(Date.parse(stamp!.replace(/(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/, '$1-$2-$3T$4:$5:$6Z')) - Date.now())).toBeLessThan(120_000)
    expect(output).toContain(`wrote ${path.join(directory, `otei-${stamp}.dump`)}`)
    expect(await mode(directory)).toBe('700')
    expect(await mode(path.join(directory, `otei-${stamp}.dump`))).toBe('600')
    dumpFile = path.join(directory, `otei-${stamp}.dump`)
    original = await fingerprint(databaseUrl)
  }, 120_000)

  it('gives back every table row for row, and the uploaded files, in a database it creates', async () => {
    for (const table of ['registrations', 'sponsor_applications', 'exhibitor_applications', 'volunteer_applications', 'events', 'sessions', 'speakers', 'partners', 'faqs', 'pages', 'media', 'sponsor_decks', 'email_templates', 'email_outbox', 'payload_jobs', 'users', 'security_events', 'audit_log'])
      expect(original[table], table).not.toMatch(/^0 rows/)
    await Promise.all(uploadedFiles.map(({ file }) => rm(file)))
    restoredUrl = databaseBeside(databaseUrl, `${new URL(databaseUrl).pathname.slice(1)}_restored`)

    const output = await npm(['restore', '--', dumpFile, '--target', restoredUrl], backupEnv())
    expect(output).toContain('created database')
    expect(await fingerprint(restoredUrl)).toEqual(original)
    for (const { file, bytes } of uploadedFiles) expect((await readFile(file)).equals(bytes), file).toBe(true)
  }, 120_000)

  it('leaves a database the app starts on: every migration recorded, none to run', async () => {
    const output = await runCommand(['tsx', 'src/scripts/migrate.ts'], appEnv(restoredUrl))
    expect(output).not.toContain('Migrated:')
    expect(output).toMatch(/migrate: (\d+) of \1 migrations applied/)
    expect(await fingerprint(restoredUrl)).toEqual(original)
  }, 120_000)

  it('refuses a database that has tables without --force, with a one-line reason, changing nothing', async () => {
    await sql(restoredUrl, 'delete from faqs')
    const changed = await fingerprint(restoredUrl)
    const { code, output } = await failureOf(npm(['restore', '--', dumpFile, '--target', restoredUrl], backupEnv()))
    expect(code).toBe(2)
    expect(output.trim()).toMatch(/^\[restore\] refused: database "[^"]+" is not empty \(\d+ tables in public\): pass --force to replace it/)
    expect(await fingerprint(restoredUrl)).toEqual(changed)
  }, 120_000)

  it('replaces that database with the backup with --force, tables added since dropped', async () => {
    await sql(restoredUrl, 'create table added_after_backup (id int)')
    await npm(['restore', '--', dumpFile, '--target', restoredUrl, '--force'], backupEnv())
    expect(await fingerprint(restoredUrl)).toEqual(original)
  }, 120_000)
})

describe('npm run backup run again and again, as an operator', () => {
  it('keeps the BACKUP_KEEP newest, on disk and in BACKUP_S3_BUCKET', async () => {
    const directory = path.join(scratch, 'rotated')
    const env = backupEnv({
      BACKUP_DIR: directory,
      BACKUP_KEEP: '2',
      BACKUP_S3_BUCKET: s3.env.S3_BUCKET,
      S3_ENDPOINT: s3.env.S3_ENDPOINT,
      S3_REGION: s3.env.S3_REGION,
      S3_ACCESS_KEY_ID: s3.env.S3_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: s3.env.S3_SECRET_ACCESS_KEY,
      S3_FORCE_PATH_STYLE: s3.env.S3_FORCE_PATH_STYLE,
    })
    const written: string[] = []
    for (let run = 0; run < 3; run++) {
      const output = await npm(['backup'], env)
      written.push(...[...output.matchAll(/wrote \S+\/(otei-\S+)/g)].map(([, name]) => name!))
    }
    expect(written).toHaveLength(6)
    const newest = written.slice(2).sort()
    expect((await readdir(directory)).sort()).toEqual(newest)
    expect((await s3.keys('backups/')).sort()).toEqual(newest.map((name) => `backups/${name}`))
  }, 180_000)
})

describe('npm run backup against a server newer than its pg_dump, as an operator', () => {
  it('refuses, naming both versions, and writes nothing', async () => {
    const newer = await startEmbeddedPostgres({ dataDir: await tempClusterDir(), persistent: false })
    try {
      const directory = path.join(scratch, 'refused')
      const binDir = path.dirname(SYSTEM_INITDB_PATH)
      const { code, output } = await failureOf(
        npm(['backup'], { ...backupEnv({ BACKUP_DIR: directory, PG_BIN_DIR: binDir }), DATABASE_URL: newer.serverUrl }),
      )
      const serverMajor = await serverMajorVersion(newer.serverUrl)
      const dump = path.join(binDir, 'pg_dump')
      const dumpMajor = /\(PostgreSQL\) (\d+)/.exec(await runCommand([dump, '--version'], process.env))![1]
      expect(code).toBe(1)
      expect(output.trim()).toBe(
        `[backup] failed: pg_dump must be at least the server's version, PostgreSQL ${serverMajor} (${dump} is ${dumpMajor} in PG_BIN_DIR): ` +
          `install postgresql-client-${serverMajor}, or set PG_BIN_DIR to the folder of a newer pg_dump.`,
      )
      await expect(stat(directory)).rejects.toThrow(/ENOENT/)
    } finally {
      await newer.stop()
    }
  }, 120_000)
})
