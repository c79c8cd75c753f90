import type { Payload, PayloadRequest } from 'payload'

import type { SubmissionCollection } from '@/lib/choices'

import type { EmailTemplateKey } from './templateKeys'

export type EmailToQueue = {
  template: EmailTemplateKey
  to: string
  submission: { relationTo: SubmissionCollection; value: number }
  event?: number | null
}

/**
 * Records the email in the outbox and queues the job that sends it. With `req`, both join the
 * request's transaction: a submission that is rolled back leaves no email behind. The job gets
 * the outbox id only and renders at sending time, with the template as it is then.
 */
export async function queueEmail(payload: Payload, email: EmailToQueue, req?: PayloadRequest): Promise<void> {
  const outbox = await payload.create({
    collection: 'email-outbox',
    data: { ...email, status: 'queued', attempts: 0 },
    overrideAccess: true,
    depth: 0,
    select: {},
    req,
  })
  await payload.jobs.queue({ task: 'sendEmail', input: { outboxId: outbox.id }, req })
}
