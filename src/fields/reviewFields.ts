import type { Field, PayloadRequest } from 'payload'

import { checkRole } from '@/access/checkRole'
import { canReview } from '@/access/fields/canReview'
import { setByServer } from '@/access/fields/setByServer'
import { APPLICATION_STATUSES } from '@/lib/choices'

import { choiceField } from './choiceField'

const reviewAccess = { create: canReview, read: canReview, update: canReview }
const recordAccess = { create: setByServer, read: canReview, update: setByServer }

/**
 * What staff record while reviewing a submission. The public can neither set nor read these:
 * Payload drops a value sent without access, so a public `status` quietly becomes the default.
 */
export const reviewFields = ({
  statuses = APPLICATION_STATUSES,
  initialStatus = 'submitted',
  recordsDecisions = true,
}: {
  statuses?: readonly { value: string; label: string }[]
  initialStatus?: string
  /** Adds decidedAt and decidedBy, filled in by the server (enforceStatusWorkflow). */
  recordsDecisions?: boolean
} = {}): Field[] => [
  {
    ...choiceField('status', statuses, { required: true, index: true }),
    defaultValue: initialStatus,
    access: reviewAccess,
    admin: { position: 'sidebar' },
  },
  ...(recordsDecisions ? decisionFields : []),
  {
    name: 'assignedTo',
    type: 'relationship',
    relationTo: 'users',
    access: reviewAccess,
    admin: { position: 'sidebar', description: 'The staff member handling this submission.' },
    filterOptions: { roles: { in: ['staff', 'admin'] } },
    validate: async (value: unknown, { req }: { req: PayloadRequest }) => {
      if (value === null || value === undefined) return true
      const id = (typeof value === 'object' ? (value as { id: number }).id : value) as number
      const user = await req.payload
        .findByID({ collection: 'users', id, req, depth: 0, disableErrors: true })
        .catch(() => null)
      return user && checkRole(['staff', 'admin'], user) ? true : 'Assign a staff member or admin.'
    },
  },
  {
    name: 'score',
    type: 'number',
    min: 0,
    max: 10,
    access: reviewAccess,
    admin: { position: 'sidebar', description: '0–10, for ranking applications.', step: 1 },
  },
  {
    name: 'reviewerNotes',
    type: 'textarea',
    maxLength: 5000,
    access: reviewAccess,
    admin: { position: 'sidebar' },
  },
]

const decisionFields: Field[] = [
  {
    type: 'row',
    admin: { position: 'sidebar' },
    fields: [
      {
        name: 'decidedAt',
        type: 'date',
        access: recordAccess,
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' }, description: 'When the decision was saved.' },
      },
      { name: 'decidedBy', type: 'relationship', relationTo: 'users', access: recordAccess, admin: { readOnly: true } },
    ],
  },
]
