import type { PayloadRequest } from 'payload'

import { clientIp } from '@/abuse/clientIp'
import type { AUDIT_ACTIONS, ChoiceValue } from '@/lib/choices'
import { pseudonymize } from '@/lib/pseudonymize'

export type AuditAction = ChoiceValue<typeof AUDIT_ACTIONS>

export type AuditEntry = {
  action: AuditAction
  collection?: string
  documentId?: string | number
  /** Names of the fields touched, never their values. */
  fields?: string[]
  /** Small and free of personal data: ids, choice values, counts. */
  detail?: Record<string, unknown>
  /** pseudonymize(email) of the person the entry is about. */
  subjectHash?: string
  /** The account acting when `req.user` is not (yet) it: a sign-in. Defaults to `req.user`. */
  user?: number | null
}

/** The signed-in staff account of the request, if any (not an API key's, nor the public). */
const actingUser = (req: PayloadRequest): number | null =>
  req.user?.collection === 'users' && typeof req.user.id === 'number' ? req.user.id : null

/** The row an entry becomes: who and from where come from the request (its user, a keyed hash of its IP). */
export function auditRow(req: PayloadRequest, { user, documentId, ...entry }: AuditEntry) {
  const ip = clientIp(req.headers)
  return {
    ...entry,
    documentId: documentId === undefined ? undefined : String(documentId),
    user: user === undefined ? actingUser(req) : user,
    ipHash: ip ? pseudonymize(ip) : undefined,
  }
}

/**
 * Writes one audit-log entry in the request's own transaction (`req`): it commits with the change it
 * records and rolls back with it.
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  await req.payload.create({
    collection: 'audit-log',
    data: auditRow(req, entry),
    req,
    overrideAccess: true,
    // Read back as little as possible: the insert is what an entry should cost.
    depth: 0,
    select: { action: true },
  })
}
