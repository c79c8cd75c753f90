import type { TaskConfig } from 'payload'

import { intEnv } from '@/lib/env'

export const AUDIT_RETENTION_DAYS = intEnv('AUDIT_RETENTION_DAYS', 365)
if (AUDIT_RETENTION_DAYS < 1) throw new Error('AUDIT_RETENTION_DAYS must be at least 1')

/** Deletes audit-log entries older than AUDIT_RETENTION_DAYS (365); scheduled daily. */
export const purgeAuditLog: TaskConfig<'purgeAuditLog'> = {
  slug: 'purgeAuditLog',
  retries: 3,
  schedule: [{ cron: '30 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  handler: async ({ req }) => {
    const where = { createdAt: { less_than: new Date(Date.now() - AUDIT_RETENTION_DAYS * 86_400_000).toISOString() } }
    // One DELETE, not Payload's read-then-delete per row: a day's entries can be many, and the
    // collection has no hooks, versions or files that a row-by-row delete would honour.
    const { totalDocs } = await req.payload.db.count({ collection: 'audit-log', where, req })
    await req.payload.db.deleteMany({ collection: 'audit-log', where, req })
    return { output: { deleted: totalDocs } }
  },
}
