import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { stalledAfterSeconds } from '@/jobs/stalledAfterSeconds'
import { intEnv } from '@/lib/env'
import { relationId } from '@/lib/relationId'
import type { SubmissionSlug } from '@/submissions'

import { messageIdDomain } from './emailAdapter'
import { addressEmailValues, emailValues } from './emailValues'
import { loadTemplate } from './loadTemplate'
import { renderEmail } from './renderEmail'
import { EMAIL_TEMPLATES } from './templateKeys'
import { withStatusLink } from './withStatusLink'

export const maxEmailAttempts = () => intEnv('EMAIL_MAX_ATTEMPTS', 10)

type Rows = { rows: { id: number; status?: string }[] }

export type DeliveryResult = 'sent' | 'already-sent' | 'failed'

/** Thrown so the job queue retries later, with backoff. */
export class EmailNotSentYet extends Error {}

/**
 * Sends one outbox email at most once. The row is claimed atomically (queued → sending) before
 * anything goes out, so two runners that picked up the same job (Payload's claim is not atomic)
 * cannot both send it, and a retry after a crash finds `sent` and stops. An email left `sending`
 * by a killed process is taken over once it is stalled; the SMTP server had not accepted it if
 * the process died before the row became `sent`, except in the instant between the two, which
 * the stable Message-ID lets mail systems recognise as a duplicate.
 */
export async function deliverOutboxEmail(payload: Payload, outboxId: number): Promise<DeliveryResult> {
  const claimed = (await payload.db.drizzle.execute(sql`
    update email_outbox set status = 'sending', attempts = attempts + 1, updated_at = now()
    where id = ${outboxId} and (status = 'queued'
      or (status = 'sending' and updated_at < now() - make_interval(secs => ${stalledAfterSeconds()})))
    returning id`)) as unknown as Rows
  if (!claimed.rows.length) {
    const current = (await payload.db.drizzle.execute(
      sql`select id, status from email_outbox where id = ${outboxId}`,
    )) as unknown as Rows
    const status = current.rows[0]?.status
    if (status === 'sending') throw new EmailNotSentYet(`email ${outboxId} is being sent by another runner`)
    return status === 'failed' ? 'failed' : 'already-sent' // sent, or deleted by an admin
  }

  const outbox = await payload.findByID({ collection: 'email-outbox', id: outboxId, depth: 0, overrideAccess: true })
  const record = (data: Record<string, unknown>) =>
    payload.update({ collection: 'email-outbox', id: outboxId, data, depth: 0, overrideAccess: true, select: {} })
  const submission = outbox.submission
  const eventId = relationId(outbox.event)
  const messageId = `<outbox-${outboxId}@${messageIdDomain()}>`
  let subject: string | undefined
  try {
    const values = 'aboutAddress' in EMAIL_TEMPLATES[outbox.template]
      ? addressEmailValues(payload, outbox)
      : submission
        ? await emailValues(payload, submission.relationTo as SubmissionSlug, submission.value as number)
        : undefined
    if (!values) {
      await record({ status: 'failed', lastError: 'The submission was deleted before the email went out.' })
      return 'failed'
    }
    const rendered = renderEmail(withStatusLink(outbox.template, await loadTemplate(payload, outbox.template, eventId)), values)
    subject = rendered.subject
    await payload.sendEmail({ to: outbox.to, subject, html: rendered.html, text: rendered.text, messageId })
  } catch (error) {
    const gaveUp = outbox.attempts >= maxEmailAttempts()
    const lastError = error instanceof Error ? error.message : String(error)
    await record({ status: gaveUp ? 'failed' : 'queued', lastError, subject })
    if (gaveUp) {
      payload.logger.error({ msg: `email ${outboxId} failed for good after ${outbox.attempts} attempts`, err: error })
      return 'failed'
    }
    throw new EmailNotSentYet(`email ${outboxId} not sent (attempt ${outbox.attempts}): ${lastError}`)
  }
  await record({ status: 'sent', sentAt: new Date().toISOString(), messageId, subject, lastError: null })
  return 'sent'
}
