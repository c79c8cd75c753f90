import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest, type TaskConfig } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import { requestDatabase } from '@/db/requestDatabase'
import { SUBMISSION_FORMS, type SubmissionSlug } from '@/submissions'
import { anonymiseSubmissions } from '@/submissions/anonymiseSubmissions'
import type { SubmissionForm } from '@/submissions/SubmissionForm'

/** What one event's anonymisation did: for the audit log. */
export type EventAnonymisation = {
  event: number
  /** Submissions anonymised, per collection. */
  submissions: Record<SubmissionSlug, number>
  /** Outbox emails deleted (they held the address and the name). */
  outboxEmails: number
  /** Files sent with the submissions (sponsors' decks) deleted, with what they stored on disk or in S3. */
  files: number
}

/**
 * Anonymises the personal fields of one event's submissions in every form and stamps the event's
 * personalDataAnonymisedAt, recorded in the audit log, in one transaction (the caller's, or its own), with the event's row
 * locked: a second run at the same time waits, then finds the stamp and does nothing (undefined).
 */
export async function anonymiseEvent(req: PayloadRequest, event: number): Promise<EventAnonymisation | undefined> {
  const ownTransaction = await initTransaction(req)
  try {
    const database = await requestDatabase(req.payload, req)
    const { rows } = await database.execute(
      sql`select id from events where id = ${event} and personal_data_anonymised_at is null for update`,
    )
    let result: EventAnonymisation | undefined
    if (rows.length) {
      result = { event, submissions: {} as EventAnonymisation['submissions'], outboxEmails: 0, files: 0 }
      for (const form of SUBMISSION_FORMS) {
        const counts = await anonymiseSubmissions(database, form, sql`event_id = ${event}`)
        result.submissions[form.slug] = counts.submissions
        result.outboxEmails += counts.outboxEmails
        result.files += await deleteAttachments(req, form, event)
      }
      await database.execute(sql`update events set personal_data_anonymised_at = now() where id = ${event}`)
      // The stamp is a fact about the event, not about one version: publishing a draft saved
      // before it (or restoring an old version) copies the version's value and must not clear it.
      await database.execute(
        sql`update _events_v set version_personal_data_anonymised_at = now() where parent_id = ${event}`,
      )
      await recordAudit(req, { action: 'anonymise', collection: 'events', documentId: event, detail: result })
    }
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}

/**
 * A form's attached files (a sponsor's deck is the applicant's data, not a report's) go whole:
 * through Payload, unlike the SQL above, so that the stored file goes with its document.
 */
async function deleteAttachments(req: PayloadRequest, form: SubmissionForm, event: number): Promise<number> {
  if (!form.attachment) return 0
  const { collection, on } = form.attachment
  const { docs } = await req.payload.delete({ collection, where: { [`${on}.event`]: { equals: event } }, req, overrideAccess: true, depth: 0 })
  return docs.length
}

/**
 * Finds the events whose retainPersonalDataUntil has passed and that are not anonymised yet, and
 * anonymises each in a transaction of its own: one event's failure leaves the others done, and
 * the next day's run picks it up again.
 */
export async function anonymiseExpiredEvents(req: PayloadRequest): Promise<EventAnonymisation[]> {
  const database = await requestDatabase(req.payload, req)
  const { rows } = await database.execute(sql`
    select id from events
    where retain_personal_data_until < now() and personal_data_anonymised_at is null
    order by id`)
  const done: EventAnonymisation[] = []
  for (const { id } of rows) {
    const result = await anonymiseEvent(req, id as number)
    if (result) done.push(result)
  }
  return done
}

/** Removes the personal data of events past their retention date; scheduled daily. */
export const anonymiseExpiredSubmissions: TaskConfig<'anonymiseExpiredSubmissions'> = {
  slug: 'anonymiseExpiredSubmissions',
  retries: 3,
  schedule: [{ cron: '45 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'events', type: 'json', required: true }],
  handler: async ({ req }) => ({ output: { events: await anonymiseExpiredEvents(req) } }),
}
