import type { CollectionConfig } from 'payload'

import { adminOnly } from '@/access/adminOnly'
import { canReadPII } from '@/access/fields/canReadPII'
import { hiddenFromNonStaff } from '@/access/hiddenFromNonStaff'
import { staffOrAdmin } from '@/access/staffOrAdmin'
import { EMAIL_TEMPLATE_KEYS, EMAIL_TEMPLATES } from '@/email/templateKeys'
import { requeueOutboxEmail } from '@/endpoints/requeueOutboxEmail'
import { EMAIL_STATUSES } from '@/lib/choices'
import { SUBMISSION_SLUGS } from '@/submissions'

/**
 * One row per email the app sends, written in the same transaction as the submission that
 * caused it and updated by the sendEmail job: staff see what went out, what is waiting and why
 * something failed. The row is also what makes sending idempotent (see deliverOutboxEmail).
 */
export const EmailOutbox: CollectionConfig = {
  slug: 'email-outbox',
  labels: { singular: 'Outbox email', plural: 'Email outbox' },
  admin: {
    group: 'Email',
    useAsTitle: 'subject',
    defaultColumns: ['to', 'template', 'status', 'attempts', 'sentAt', 'createdAt'],
    hidden: hiddenFromNonStaff,
    pagination: { defaultLimit: 50 },
    components: { edit: { beforeDocumentControls: ['/src/components/SendAgainButton#SendAgainButton'] } },
  },
  defaultSort: '-createdAt',
  access: {
    create: () => false,
    read: staffOrAdmin,
    update: () => false,
    delete: adminOnly,
  },
  endpoints: [requeueOutboxEmail],
  fields: [
    { name: 'to', type: 'text', required: true, index: true, access: { read: canReadPII } },
    {
      name: 'template',
      type: 'select',
      required: true,
      index: true,
      options: EMAIL_TEMPLATE_KEYS.map((key) => ({ value: key, label: EMAIL_TEMPLATES[key].label })),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'queued',
      options: EMAIL_STATUSES.map(({ value, label }) => ({ value, label })),
    },
    { name: 'submission', type: 'relationship', relationTo: SUBMISSION_SLUGS, index: true },
    { name: 'event', type: 'relationship', relationTo: 'events' },
    { name: 'subject', type: 'text', admin: { description: 'As sent.' } },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0 },
    // Kept when staff send a failed email again, so the cause stays in view until it is sent.
    { name: 'lastError', type: 'textarea' },
    { name: 'sentAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'messageId', type: 'text' },
    // Set only by POST /api/email-outbox/:id/requeue (the "Send again" button); no one updates
    // this collection through the API.
    {
      name: 'requeuedAt',
      label: 'Sent again at',
      type: 'date',
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'When staff last sent it again after it failed.',
        condition: (data) => Boolean(data.requeuedAt),
      },
    },
    {
      name: 'requeuedBy',
      label: 'Sent again by',
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data.requeuedBy) },
    },
  ],
}
