import type { PayloadRequest } from 'payload'

import type { ChoiceValue, SECURITY_EVENT_KINDS } from '@/lib/choices'
import { clientIp } from './clientIp'
import { pseudonymize } from '@/lib/pseudonymize'

import { runAfterRequest } from '@/db/runAfterRequest'

export type SecurityEventKind = ChoiceValue<typeof SECURITY_EVENT_KINDS>

/**
 * Logs a suspicious request as one structured line and keeps it in `security-events`, written
 * after the request so that it survives the refusal that follows.
 */
export async function recordSecurityEvent(
  req: PayloadRequest,
  { kind, form, email, detail }: { kind: SecurityEventKind; form: string; email?: unknown; detail?: string },
): Promise<void> {
  const ip = clientIp(req.headers)
  const event = {
    kind,
    form,
    ipHash: ip ? pseudonymize(ip) : undefined,
    emailHash: typeof email === 'string' && email ? pseudonymize(email) : undefined,
    detail: detail?.slice(0, 500),
  }
  req.payload.logger.warn({ securityEvent: kind, form, ipHash: event.ipHash, emailHash: event.emailHash, detail: event.detail })
  // The refusal matters more than its record; the log line above already holds it.
  const { payload } = req
  runAfterRequest(payload, 'store a security event', () =>
    payload.create({ collection: 'security-events', data: event, overrideAccess: true }),
  )
}
