import type { PayloadRequest } from 'payload'

export type AuditAction = 'create' | 'update' | 'delete' | 'export' | 'erase' | 'anonymise' | 'login' | 'login-failed'

/** Placeholder until the audit log lands (branch audit): the privacy endpoints call it already. */
export async function recordAudit(
  _req: PayloadRequest,
  _entry: { action: AuditAction; collection?: string; documentId?: string | number; fields?: string[]; detail?: Record<string, unknown>; subjectHash?: string },
): Promise<void> {}
