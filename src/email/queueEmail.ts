import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

import type { SubmissionSlug } from '@/submissions'
import { requestDatabase } from '@/db/requestDatabase'

import type { EmailTemplateKey } from './templateKeys'

export type EmailToQueue = {
  template: EmailTemplateKey
  to: string
  /** The submission it is about; none for an email about an address (EMAIL_TEMPLATES' `aboutAddress`). */
  submission?: { relationTo: SubmissionSlug; value: number }
  event?: number | null
}

/**
 * Records the email in the outbox and queues the job that sends it. With `req`, both join the
 * request's transaction: a submission that is rolled back leaves no email behind. The job gets
 * the outbox id only and renders at sending time, with the template as it is then.
 *
 * One SQL statement instead of `payload.create` + `payload.jobs.queue` (five round trips: the
 * outbox row, its submission link, a read-back of each, the job): this runs inside every public
 * submission. It writes the same rows Payload would — columns from the migrations, the job as
 * `jobs.queue` stores it — and tests/int/emails.int.spec.ts sends what it queued.
 */
export async function queueEmail(payload: Payload, email: EmailToQueue, req?: PayloadRequest): Promise<void> {
  const { submission } = email
  const database = await requestDatabase(payload, req)
  const linkSubmission = submission
    ? sql`, submission as (
      insert into email_outbox_rels (parent_id, path, ${sql.identifier(`${submission.relationTo.replaceAll('-', '_')}_id`)})
      select id, 'submission', ${submission.value} from outbox
    )`
    : sql``
  await database.execute(sql`
    with outbox as (
      insert into email_outbox ("to", template, status, event_id, attempts)
      values (${email.to}, ${email.template}, 'queued', ${email.event ?? null}, 0)
      returning id
    )${linkSubmission}
    insert into payload_jobs (input, task_slug, queue)
    select jsonb_build_object('outboxId', id), 'sendEmail', 'default' from outbox`)
}
