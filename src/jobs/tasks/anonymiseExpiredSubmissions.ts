import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest, type TaskConfig } from 'payload'

import { requestDatabase } from '@/db/requestDatabase'
import { SUBMISSION_FORMS, type SubmissionSlug } from '@/submissions'
import { anonymiseSubmissions } from '@/submissions/anonymiseSubmissions'

/** What one event's anonymisation did: for the audit log. */
export type EventAnonymisation = {
  event: number
  /** Submissions anonymised, per collection. */
  submissions: Record<SubmissionSlug, number>
  /** Outbox emails deleted (they held the address and the name). */
  outboxEmails: number
}

/**
 * Anonymises the personal fields of one event's submissions in every form and stamps the event's
 * personalDataAnonymisedAt, in one transaction (the caller's, or its own), with the event's row
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
      result = { event, submissions: {} as EventAnonymisation['submissions'], outboxEmails: 0 }
      for (const form of SUBMISSION_FORMS) {
        const counts = await anonymiseSubmissions(database, form, sql`event_id = ${event}`)
        result.submissions[form.slug] = counts.submissions
        result.outboxEmails += counts.outboxEmails
      }
      await database.execute(sql`update events set personal_data_anonymised_at = now() where id = ${event}`)
      // The stamp is a fact about the event, not about one version: publishing a draft saved
      // before it (or restoring an old version) copies the version's value and must not clear it.
      await database.execute(
        sql`update _events_v set version_personal_data_anonymised_at = now() where parent_id = ${event}`,
      )
    }
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
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
