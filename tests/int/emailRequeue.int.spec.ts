import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { EmailOutbox } from '@/payload-types'

import { runQueuedJobs } from '../helpers/jobs'
import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import type { RestClient as RestClientType } from '../helpers/restClient'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import type { TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

let own: OwnDatabase
let payload: Payload
let smtp: TestSmtpServer | undefined
let anonymous: RestClientType
let admin: TestUser
let editor: TestUser
let staff: TestUser
let otherStaff: TestUser
let eventId: number

beforeAll(async () => {
  own = await useOwnDatabase('email_requeue')
  payload = own.payload
  anonymous = own.RestClient.anonymous()
  eventId = (await createOpenEvent(payload)).id
  // Imported only now: it loads the app's config, which must see this file's own database.
  const { createUser } = await import('../helpers/users')
  admin = await createUser(payload, ['admin']) // the first account of a database always becomes admin
  editor = await createUser(payload, ['editor'])
  staff = await createUser(payload, ['staff'])
  otherStaff = await createUser(payload, ['staff'])
})

afterAll(async () => {
  delete process.env.EMAIL_MAX_ATTEMPTS
  await smtp?.stop()
  await own?.drop()
})

const smtpUp = async () => {
  smtp ??= await startSmtpServer(Number(process.env.SMTP_PORT))
  return smtp
}

const smtpDown = async () => {
  await smtp?.stop()
  smtp = undefined
}

const requeue = (client: RestClientType, id: number | string) => client.post(`/email-outbox/${id}/requeue`)

const outboxRow = async (email: string): Promise<EmailOutbox> => {
  const { docs } = await payload.find({ collection: 'email-outbox', where: { to: { equals: email } }, depth: 0 })
  expect(docs).toHaveLength(1)
  return docs[0]
}

/** sendEmail jobs still to run for one outbox row (Payload deletes a job once it has completed). */
const pendingSendJobs = async (outboxId: number) => {
  const { rows } = (await payload.db.drizzle.execute(
    sql`select count(*)::int as count from payload_jobs where task_slug = 'sendEmail' and input->>'outboxId' = ${String(outboxId)}`,
  )) as unknown as { rows: { count: number }[] }
  return rows[0].count
}

/** A registration whose confirmation request the public posted, still queued. */
const register = async () => {
  const body = validSubmission('registrations', eventId)
  expect((await anonymous.post('/registrations', { body })).status).toBe(201)
  return body.email as string
}

/** A confirmation request that failed for good: SMTP unreachable, one attempt allowed. */
const failedEmail = async () => {
  await smtpDown()
  process.env.EMAIL_MAX_ATTEMPTS = '1'
  try {
    const email = await register()
    await runQueuedJobs(payload)
    const row = await outboxRow(email)
    expect([row.status, row.attempts]).toEqual(['failed', 1])
    expect(row.lastError).toMatch(/ECONNREFUSED/)
    return { email, id: row.id }
  } finally {
    delete process.env.EMAIL_MAX_ATTEMPTS
  }
}

/** Runs the queue, SMTP up, until `address` has received an email. */
const deliveredTo = async (address: string) => {
  const server = await smtpUp()
  return waitFor(`an email to ${address}`, async () => {
    await runQueuedJobs(payload)
    const emails = server.to(address)
    return emails.length ? emails : undefined
  })
}

describe('a failed outbox email re-queued by staff', () => {
  it('goes back to queued with its attempts reset, then is sent exactly once when SMTP is back', async () => {
    const { email, id } = await failedEmail()
    const before = Date.now()
    const response = await requeue(staff.client, id)
    expect(response.status).toBe(200)
    expect(response.body.message).toBe('The email is queued to be sent again.')
    expect(response.body.doc).toMatchObject({ id, status: 'queued', attempts: 0, requeuedBy: staff.id })
    // The old error stays in view until the email is sent.
    expect(response.body.doc.lastError).toMatch(/ECONNREFUSED/)
    const requeuedAt = Date.parse(response.body.doc.requeuedAt)
    expect(requeuedAt).toBeGreaterThanOrEqual(before - 1000)
    expect(requeuedAt).toBeLessThanOrEqual(Date.now() + 1000)
    expect(await pendingSendJobs(id)).toBe(1)

    const [message] = await deliveredTo(email)
    expect(message.messageId).toMatch(new RegExp(`^<outbox-${id}@`))
    await runQueuedJobs(payload)
    expect(smtp!.to(email)).toHaveLength(1)
    expect(await outboxRow(email)).toMatchObject({ status: 'sent', attempts: 1, lastError: null, requeuedBy: staff.id })
    expect(await pendingSendJobs(id)).toBe(0)
  })

  it('gets all its attempts again: with SMTP still down it is retried, not failed at once', async () => {
    const { email, id } = await failedEmail()
    process.env.EMAIL_MAX_ATTEMPTS = '2'
    try {
      expect((await requeue(staff.client, id)).status).toBe(200)
      await runQueuedJobs(payload)
      expect(await outboxRow(email)).toMatchObject({ status: 'queued', attempts: 1 })
      expect(await pendingSendJobs(id)).toBe(1)
    } finally {
      delete process.env.EMAIL_MAX_ATTEMPTS
    }
    await deliveredTo(email)
    expect((await outboxRow(email)).status).toBe('sent')
  })

  it('by two staff at the same moment is queued once: one 200, one 409, one email', async () => {
    const { email, id } = await failedEmail()
    // Another transaction holds the row until both requests are waiting for it, so the two
    // really are in flight together (in-process, they would otherwise mostly run one by one).
    const holder = await payload.db.pool.connect()
    let responses: Awaited<ReturnType<typeof requeue>>[]
    try {
      await holder.query('begin')
      await holder.query('select id from email_outbox where id = $1 for update', [id])
      const both = Promise.all([requeue(staff.client, id), requeue(otherStaff.client, id)])
      await waitFor('both requests waiting for the row', async () => {
        const { rows } = await payload.db.pool.query(
          `select count(*)::int as count from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        )
        return rows[0].count === 2 ? true : undefined
      })
      await holder.query('commit')
      responses = await both
    } finally {
      holder.release()
    }
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409])
    const refused = responses.find((response) => response.status === 409)!
    expect(refused.body).toEqual({ errors: [{ message: 'Only a failed email can be sent again; this one is queued.' }] })
    expect(await pendingSendJobs(id)).toBe(1)
    await deliveredTo(email)
    await runQueuedJobs(payload)
    expect(smtp!.to(email)).toHaveLength(1)
  })

  it('by an admin is queued again too', async () => {
    const { email, id } = await failedEmail()
    const response = await requeue(admin.client, id)
    expect(response.status).toBe(200)
    expect(response.body.doc).toMatchObject({ status: 'queued', requeuedBy: admin.id })
    await deliveredTo(email)
  })
})

describe('re-queueing an outbox email that is not failed, as staff', () => {
  it('is refused with 409 for a sent email, naming its status, and queues nothing', async () => {
    const email = await register()
    await deliveredTo(email)
    const { id } = await outboxRow(email)
    const response = await requeue(staff.client, id)
    expect(response.status).toBe(409)
    expect(response.body).toEqual({ errors: [{ message: 'Only a failed email can be sent again; this one is sent.' }] })
    expect(await pendingSendJobs(id)).toBe(0)
    expect(await outboxRow(email)).toMatchObject({ status: 'sent', requeuedAt: null, requeuedBy: null })
  })

  it('is refused with 409 for a queued email, and it is still sent only once', async () => {
    const email = await register()
    const { id } = await outboxRow(email)
    const response = await requeue(staff.client, id)
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toBe('Only a failed email can be sent again; this one is queued.')
    expect(await pendingSendJobs(id)).toBe(1)
    await deliveredTo(email)
    await runQueuedJobs(payload)
    expect(smtp!.to(email)).toHaveLength(1)
  })

  it('answers 404 for an id that is not an outbox email', async () => {
    for (const id of ['999999', '2147483648', 'abc']) {
      const response = await requeue(staff.client, id)
      expect(response.status).toBe(404)
      expect(response.body.errors[0].message).toBe('Not Found')
    }
  })
})

describe('re-queueing a failed outbox email without the staff role', () => {
  it('is refused with 401 for the public and 403 for an editor, and queues nothing', async () => {
    const { email, id } = await failedEmail()
    const anonymousResponse = await requeue(anonymous, id)
    expect(anonymousResponse.status).toBe(401)
    expect(anonymousResponse.body).toEqual({ errors: [{ message: 'Unauthorized, you must be logged in to make this request.' }] })
    const editorResponse = await requeue(editor.client, id)
    expect(editorResponse.status).toBe(403)
    expect(editorResponse.body).toEqual({ errors: [{ message: 'You are not allowed to perform this action.' }] })
    expect(await pendingSendJobs(id)).toBe(0)
    expect((await outboxRow(email)).status).toBe('failed')
  })
})

describe('requeuedAt and requeuedBy', () => {
  it('cannot be written through the REST API, by staff or by an admin', async () => {
    const { email, id } = await failedEmail()
    const forged = { requeuedAt: '2020-01-01T00:00:00.000Z', requeuedBy: editor.id, status: 'queued' }
    for (const client of [staff.client, admin.client]) {
      expect((await client.patch(`/email-outbox/${id}`, { body: forged })).status).toBe(403)
    }
    expect(await outboxRow(email)).toMatchObject({ status: 'failed', requeuedAt: null, requeuedBy: null })
    expect((await staff.client.post('/email-outbox', { body: { to: 'x@example.com', template: 'registration-confirmed', ...forged } })).status).toBe(403)
  })
})
