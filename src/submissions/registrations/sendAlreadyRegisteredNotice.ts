import type { PayloadRequest } from 'payload'

import { checkRole } from '@/access/checkRole'
import { rateLimitsFor } from '@/abuse/rateLimitsFor'
import { runAfterRequest } from '@/db/runAfterRequest'
import { queueEmail } from '@/email/queueEmail'

/**
 * Someone registering an address that is already registered gets an email with their status link
 * (they may have forgotten, or lost the first email), at most RATE_LIMIT_NOTICE_PER_EMAIL an hour.
 * The request itself fails with "already registered", which rolls its transaction back, so the
 * email is queued after the request. (Submissions caught by the honeypot never get here: the
 * duplicate check skips them.)
 */
export async function sendAlreadyRegisteredNotice(
  existing: { id: number },
  data: { email: string; event: number },
  req: PayloadRequest,
): Promise<void> {
  if (req.context.skipEmails || checkRole(['admin', 'staff'], req.user)) return
  const verdict = await rateLimitsFor(req.payload).consume('noticePerEmail', `${data.event}:${data.email}`)
  if (!verdict.allowed) return
  const { payload } = req
  runAfterRequest(payload, 'queue an already-registered notice', () =>
    queueEmail(payload, {
      template: 'already-registered',
      to: data.email,
      submission: { relationTo: 'registrations', value: existing.id },
      event: data.event,
    }),
  )
}
