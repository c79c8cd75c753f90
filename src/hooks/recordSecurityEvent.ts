import type { PayloadRequest } from 'payload'

import type { ChoiceValue, SECURITY_EVENT_KINDS } from '@/lib/choices'
import { clientIp } from '@/lib/clientIp'
import { pseudonymize } from '@/lib/pseudonymize'

export type SecurityEventKind = ChoiceValue<typeof SECURITY_EVENT_KINDS>

/**
 * Logs a suspicious request as one structured line and keeps it in `security-events`. The row is
 * written after the request has let go of its transaction (not awaited, no `req`): it survives the
 * refusal that follows, and a flood of refusals cannot exhaust the connection pool waiting on it.
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
  const { payload } = req
  setImmediate(() => {
    payload.create({ collection: 'security-events', data: event, overrideAccess: true }).catch((error) => {
      // The refusal matters more than its record; the log line above already holds it.
      payload.logger.error({ err: error, msg: 'could not store a security event' })
    })
  })
}
