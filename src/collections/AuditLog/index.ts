import type { CollectionConfig } from 'payload'

import { adminOnly } from '@/access/adminOnly'
import { hiddenFromNonAdmin } from '@/access/hiddenFromNonAdmin'
import { AUDIT_ACTIONS } from '@/lib/choices'

/**
 * Who created, changed, deleted, exported or erased what, and who signed in (or was refused), for
 * admins. Written only by the server (src/audit/recordAudit.ts), in the transaction of the change it
 * records; kept AUDIT_RETENTION_DAYS (the purgeAuditLog job). An entry holds ids, field names and
 * keyed hashes, never a value of personal data: an erased person leaves nothing readable here.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: {
    group: 'Settings',
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'action', 'collection', 'documentId', 'user', 'fields', 'ipHash'],
    hidden: hiddenFromNonAdmin,
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: {
    create: () => false,
    read: adminOnly,
    update: () => false,
    delete: () => false,
  },
  // Never edited, so never locked.
  lockDocuments: false,
  // Indexed: what admins filter on (createdAt, newest first, is indexed by Payload itself).
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map(({ value, label }) => ({ value, label })),
    },
    { name: 'collection', type: 'text', index: true },
    { name: 'documentId', type: 'text', index: true },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      admin: { description: 'Who acted; empty for the public (a form) and the server (jobs).' },
    },
    { name: 'ipHash', type: 'text', index: true, admin: { description: 'Keyed hash of the client IP.' } },
    // JSON, not a hasMany text field: one row per entry, so a change costs one insert.
    { name: 'fields', type: 'json', admin: { description: 'The fields a change touched (names only, no values).' } },
    { name: 'detail', type: 'json' },
    {
      name: 'subjectHash',
      type: 'text',
      index: true,
      admin: { description: 'Keyed hash of the email of the person the entry is about (exports, erasures, sign-ins).' },
    },
  ],
}
