/**
 * What queueing one email costs inside a submission's transaction, two ways, in one process on
 * the peer's PostgreSQL: src/email/queueEmail.ts (one SQL statement for the outbox row, its
 * submission link and the job) against Payload's public way (`payload.create` of the outbox row,
 * then `payload.jobs.queue` of its job). Runs alternate, so both see the same machine.
 *
 *   npx tsx bench/queueEmail.ts [--count 2000] [--rounds 3]
 *
 * Reports wall time and this process's CPU per queued email.
 */
import { commitTransaction, createLocalReq, initTransaction, type PayloadRequest } from 'payload'

import { openEventData } from '../tests/helpers/submissions'

import { startInProcessApp } from './lib/inProcessApp'
import { numberOption } from './lib/options'
import { benchRegistration } from './lib/ourServer'

const COUNT = numberOption('count', 2000)
const ROUNDS = numberOption('rounds', 3)

const { payload, stop } = await startInProcessApp('queue_email', { CAPTCHA_PROVIDER: 'none' })
const { queueEmail } = await import('../src/email/queueEmail')

const event = await payload.create({ collection: 'events', data: openEventData({ name: 'Queue Summit' }) })
const registration = await payload.create({
  collection: 'registrations',
  data: benchRegistration(event.id, 'queue@bench.example.com', '08031234567') as never,
  context: { skipEmails: true },
})
const email = { template: 'registration-confirmation-request' as const, to: 'queue@bench.example.com', event: event.id }

const ways: Record<string, (req: PayloadRequest) => Promise<unknown>> = {
  'one SQL statement (queueEmail)': (req) =>
    queueEmail(payload, { ...email, submission: { relationTo: 'registrations', value: registration.id } }, req),
  'payload.create + payload.jobs.queue': async (req) => {
    const outbox = await payload.create({
      collection: 'email-outbox',
      data: { ...email, status: 'queued', attempts: 0, submission: { relationTo: 'registrations', value: registration.id } },
      overrideAccess: true,
      depth: 0,
      select: {},
      req,
    })
    await payload.jobs.queue({ task: 'sendEmail', input: { outboxId: outbox.id as number }, req })
  },
}

const results: Record<string, { wallMs: number; cpuMs: number }[]> = {}
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, queue] of Object.entries(ways)) {
    const started = performance.now()
    const cpu = process.cpuUsage()
    for (let n = 0; n < COUNT; n++) {
      // As in a request: one transaction, the email queued in it, then COMMIT.
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      await queue(req)
      await commitTransaction(req)
    }
    const used = process.cpuUsage(cpu)
    const result = { wallMs: (performance.now() - started) / COUNT, cpuMs: (used.user + used.system) / 1000 / COUNT }
    ;(results[name] ??= []).push(result)
    console.log(`round ${round} ${name.padEnd(38)} ${result.wallMs.toFixed(3)} ms wall, ${result.cpuMs.toFixed(3)} ms CPU per email`)
  }
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
console.log(`\nmedians of ${ROUNDS} rounds × ${COUNT} emails, each in its own transaction (begin, queue, commit)`)
console.log('| way | wall ms per email | CPU ms per email |')
console.log('| --- | --- | --- |')
for (const [name, runs] of Object.entries(results)) {
  console.log(`| ${name} | ${median(runs.map((r) => r.wallMs)).toFixed(3)} | ${median(runs.map((r) => r.cpuMs)).toFixed(3)} |`)
}
await stop()
process.exit(0)
