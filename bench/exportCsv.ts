/**
 * CSV export of 100,000 registrations: "Save" in the admin (POST /api/exports), built by the job
 * worker (`npm run worker`, as docker-compose runs production); the time until the file is there
 * and the peak resident memory of the process building it.
 *
 *   npx tsx bench/exportCsv.ts [--rows 100000] [--in-web]
 *
 * --in-web: no worker; one production web process runs the jobs (JOBS_AUTORUN) and builds it.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

import { httpJson } from '../tests/helpers/httpClient'
import { waitFor } from '../tests/helpers/waitFor'

import { numberOption } from './lib/options'
import { mib, samplePeakRss } from './lib/processTreeMemory'
import { seedRegistrations, startJobWorker, startOurServer } from './lib/ourServer'

const ROWS = numberOption('rows', 100_000)

const IN_WEB = process.argv.includes('--in-web')
const ours = await startOurServer(IN_WEB ? { JOBS_AUTORUN: 'true', WEB_CONCURRENCY: '1' } : { JOBS_AUTORUN: 'false' })
const db = new pg.Client({ connectionString: ours.databaseUrl })
await db.connect()
await seedRegistrations(db, ours.eventId, ROWS)
await db.end()

const worker = IN_WEB ? undefined : await startJobWorker(ours.env)
const builder = worker?.pid ?? ours.pid
const idle = samplePeakRss(builder)
await new Promise((resolve) => setTimeout(resolve, 2000))
const idlePeak = idle.stop()

const token = ours.authHeader.replace('Authorization: JWT ', '')
const memory = samplePeakRss(builder, 50)
const started = performance.now()
const created = await httpJson(ours.baseURL, 'POST', '/api/exports', {
  token,
  body: { collectionSlug: 'registrations', format: 'csv', sort: '-createdAt' },
})
if (created.status !== 201) throw new Error(`POST /api/exports: ${created.status} ${JSON.stringify(created.body)}`)
const filename = await waitFor(
  'the export file',
  async () => {
    const { body } = await httpJson(ours.baseURL, 'GET', `/api/exports/${created.body.doc.id}?depth=0`, { token })
    return body?.filename ? (body.filename as string) : undefined
  },
  { timeoutMs: 600_000, intervalMs: 100 },
)
const seconds = (performance.now() - started) / 1000
const peak = memory.stop()
const { size } = await stat(path.resolve('.data/exports', filename))

console.log(`CSV export of ${ROWS} registrations: ${seconds.toFixed(1)} s, file ${mib(size)} (${filename})`)
console.log(`${IN_WEB ? 'web process' : 'worker'} resident memory: ${mib(idlePeak)} idle, ${mib(peak)} at its peak during the export`)
worker?.kill('SIGTERM')
await ours.stop()
