import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { requestDatabase } from '@/db/requestDatabase'

/** `status` is the email's current status, undefined when there is no such email. */
export type RequeueResult = { requeued: true } | { requeued: false; status: string | undefined }

/**
 * Puts an outbox email that ended `failed` back in the queue with its full EMAIL_MAX_ATTEMPTS, and
 * queues the sendEmail job for it, in one transaction: a row back in `queued` always has its job.
 * The conditional UPDATE is the guard against a double send: of two staff who click at the same
 * moment, the second waits for the first's row lock, then finds the row no longer `failed` and
 * queues nothing. `lastError` is left as it is: staff still see why it failed until it is sent.
 */
export async function requeueFailedEmail(req: PayloadRequest, outboxId: number, requeuedBy: number): Promise<RequeueResult> {
  const ownTransaction = await initTransaction(req)
  try {
    const database = await requestDatabase(req.payload, req)
    const { rows } = await database.execute(sql`
      update email_outbox
      set status = 'queued', attempts = 0, requeued_at = now(), requeued_by_id = ${requeuedBy}, updated_at = now()
      where id = ${outboxId} and status = 'failed'
      returning id`)
    let result: RequeueResult = { requeued: true }
    if (rows.length) {
      await req.payload.jobs.queue({ task: 'sendEmail', input: { outboxId }, req })
    } else {
      // A statement of its own: it sees what a concurrent requeue committed while the UPDATE waited.
      const current = await database.execute(sql`select status from email_outbox where id = ${outboxId}`)
      result = { requeued: false, status: current.rows[0]?.status as string | undefined }
    }
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}
