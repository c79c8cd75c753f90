import { type ChildProcess, spawn } from 'node:child_process'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { appEnv } from '../helpers/testDatabase'
import { waitFor } from '../helpers/waitFor'

const EMAILS = 40
let own: OwnDatabase
let payload: Payload
let smtp: TestSmtpServer
const workers: ChildProcess[] = []

/** `npm run worker` as production runs it, against this file's own database. */
function startWorker(): ChildProcess {
  // One process (node with tsx's loader), not the tsx CLI: the CLI runs the script in a child
  // process that a SIGKILL of the CLI leaves running.
  const worker = spawn(process.execPath, ['--import', 'tsx', 'src/scripts/worker.ts'], {
    env: {
      ...appEnv(process.env.DATABASE_URL!),
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      JOBS_STALLED_AFTER_SECONDS: '3',
      JOBS_BATCH_SIZE: '10',
    },
    stdio: 'ignore',
  })
  workers.push(worker)
  return worker
}

const exited = (worker: ChildProcess) =>
  new Promise<void>((resolve) => (worker.exitCode !== null || worker.signalCode !== null ? resolve() : worker.once('exit', () => resolve())))

const sentCount = async () =>
  (await payload.count({ collection: 'email-outbox', where: { status: { equals: 'sent' } } })).totalDocs

beforeAll(async () => {
  own = await useOwnDatabase('email_worker')
  payload = own.payload
  smtp = await startSmtpServer(Number(process.env.SMTP_PORT))
})

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL')
  await smtp?.stop()
  await own?.drop()
})

describe('the job worker killed with SIGKILL in the middle of a batch of emails', () => {
  it('after a restart, has sent every email exactly once', async () => {
    const event = await createOpenEvent(payload)
    const anonymous = own.RestClient.anonymous()
    const addresses: string[] = []
    for (let index = 0; index < EMAILS; index++) {
      const body = validSubmission('registrations', event.id)
      expect((await anonymous.post('/registrations', { body })).status).toBe(201)
      addresses.push(body.email as string)
    }

    const first = startWorker()
    await smtp.waitForEmails(10, 'the first emails', 60_000)
    // From here the server holds new messages unanswered: the worker is mid-send when it dies.
    smtp.holdNewMessages()
    await waitFor('a message held mid-send', async () => (smtp.heldCount() > 0 ? true : undefined))
    // Every message the server accepted is recorded as sent before the kill: the only window
    // SMTP cannot close (accepted, not yet recorded) is not what this test is about.
    await waitFor('accepted messages recorded', async () => ((await sentCount()) === smtp.received.length ? true : undefined))
    first.kill('SIGKILL')
    await exited(first)
    smtp.releaseHeld()
    const deliveredBeforeRestart = smtp.received.length
    expect(deliveredBeforeRestart).toBeLessThan(EMAILS)

    startWorker()
    await waitFor('every email sent', async () => ((await sentCount()) === EMAILS ? true : undefined), { timeoutMs: 90_000 })
    expect(smtp.received).toHaveLength(EMAILS)
    expect(new Set(smtp.received.map((email) => email.messageId)).size).toBe(EMAILS)
    expect(smtp.received.map((email) => email.to).sort()).toEqual([...addresses].sort())
  }, 180_000)
})
