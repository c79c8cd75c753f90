import type { CollectionConfig } from 'payload'

import { adminOnly } from '@/access/adminOnly'
import { hiddenFromNonAdmin } from '@/access/hiddenFromNonAdmin'
import { SECURITY_EVENT_KINDS } from '@/lib/choices'

/**
 * Suspicious traffic on the public forms (captcha failures, honeypot hits, heuristics), for admins.
 * Written by the server only; kept 30 days (see the purgeSecurityEvents job). No raw PII: the IP
 * and email are keyed hashes.
 */
export const SecurityEvents: CollectionConfig = {
  slug: 'security-events',
  labels: { singular: 'Security event', plural: 'Security events' },
  admin: {
    group: 'Settings',
    useAsTitle: 'kind',
    defaultColumns: ['kind', 'form', 'ipHash', 'detail', 'createdAt'],
    hidden: hiddenFromNonAdmin,
  },
  defaultSort: '-createdAt',
  access: {
    create: () => false,
    read: adminOnly,
    update: () => false,
    delete: adminOnly,
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      options: SECURITY_EVENT_KINDS.map(({ value, label }) => ({ value, label })),
    },
    { name: 'form', type: 'text', index: true },
    { name: 'ipHash', type: 'text', index: true },
    { name: 'emailHash', type: 'text', index: true },
    { name: 'detail', type: 'text' },
  ],
}
