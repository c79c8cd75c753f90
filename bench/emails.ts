/**
 * 1,000 registrations → the time until all 1,000 confirmation emails have reached an SMTP server
 * (a local one, started here, that accepts and parses every message).
 *
 *   npx tsx bench/emails.ts [--count 1000] [--in-web]
 *
 * By default as docker-compose runs production: the web server (WEB_CONCURRENCY=2) with
 * JOBS_AUTORUN=false and `npm run worker` beside it. --in-web: no worker, the first web process
 * runs the jobs (JOBS_AUTORUN, the default without a worker). Timed from the first POST; the
 * worker is already running, as it would be.
 */
import { readFile } from 'node:fs/promises'
import { request } from 'undici'

import { waitFor } from '../tests/helpers/waitFor'

import { numberOption } from './lib/options'
import { mib, samplePeakRss } from './lib/processTreeMemory'
import { startJobWorker, startOurServer } from './lib/ourServer'

const COUNT = numberOption('count', 1000)
const CLIENTS = 20
const IN_WEB = process.argv.includes('--in-web')

const ours = await startOurServer({ JOBS_AUTORUN: IN_WEB ? 'true' : 'false' })
const template = JSON.parse(await readFile(ours.registrationTemplate, 'utf8'))

const worker = IN_WEB ? undefined : await startJobWorker(ours.env)
const memory = samplePeakRss(worker?.pid ?? ours.pid)

const isBench = (to: string) => to.includes('mail-') && to.includes('@bench.example.com')
const started = performance.now()
let next = 0
let refused = 0
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (next < COUNT) {
      const n = next++
      const response = await request(`${ours.baseURL}/api/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...template, email: `mail-${n}@bench.example.com`, phone: `0803${String(n).padStart(7, '0')}` }),
      })
      await response.body.dump()
      if (response.statusCode !== 201) refused++
    }
  }),
)
const postedSeconds = (performance.now() - started) / 1000
await waitFor('every email', async () => (ours.smtp.received.filter((email) => isBench(email.to)).length >= COUNT - refused ? true : undefined), {
  timeoutMs: 600_000,
  intervalMs: 50,
})
const deliveredSeconds = (performance.now() - started) / 1000
const peak = memory.stop()
const received = ours.smtp.received.filter((email) => isBench(email.to))
const distinctRecipients = new Set(received.map((email) => email.to)).size
const distinctIds = new Set(received.map((email) => email.messageId)).size

console.log(`${COUNT} registrations posted by ${CLIENTS} clients in ${postedSeconds.toFixed(1)} s (${refused} refused)`)
console.log(
  `all ${received.length} confirmation emails received ${deliveredSeconds.toFixed(1)} s after the first POST ` +
    `(${(received.length / deliveredSeconds).toFixed(0)} emails/s; ${distinctRecipients} recipients, ${distinctIds} Message-IDs)`,
)
console.log(`jobs ran in ${IN_WEB ? 'the first web process' : 'npm run worker'}; its peak resident memory ${mib(peak)}`)

worker?.kill('SIGTERM')
await ours.stop()
if (refused || received.length !== COUNT || distinctRecipients !== COUNT || distinctIds !== COUNT) process.exit(1)
