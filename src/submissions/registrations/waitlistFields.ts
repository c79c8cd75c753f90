import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Field, FieldHook } from 'payload'

import { canReview } from '@/access/fields/canReview'
import { setByServer } from '@/access/fields/setByServer'
import { requestDatabase } from '@/db/requestDatabase'
import { relationId } from '@/lib/relationId'

const recordAccess = { create: setByServer, read: canReview, update: setByServer }

/** 1 for the next person to be offered a place; only a waitlisted registration has one. */
const positionInWaitlist: FieldHook = async ({ siblingData, req }) => {
  const event = relationId(siblingData.event)
  if (siblingData.status !== 'waitlisted' || !siblingData.waitlistedAt || event === undefined) return null
  const joined = new Date(siblingData.waitlistedAt).toISOString()
  const database = await requestDatabase(req.payload, req)
  const { rows } = await database.execute(sql`
    select count(*)::int + 1 as position from registrations
    where event_id = ${event} and status = 'waitlisted' and (waitlisted_at, id) < (${joined}::timestamptz, ${siblingData.id})`)
  return Number(rows[0]?.position)
}

/** Where a registration stands on its event's waitlist, kept by the server (holdPlaceOrWaitlist). */
export const waitlistFields: Field[] = [
  {
    name: 'waitlistPosition',
    label: 'Waitlist #',
    type: 'number',
    virtual: true,
    access: { read: canReview },
    admin: { readOnly: true, position: 'sidebar', description: 'Place in the queue: 1 is offered the next free place.' },
    hooks: { afterRead: [positionInWaitlist] },
  },
  {
    type: 'row',
    admin: { position: 'sidebar' },
    fields: [
      {
        name: 'waitlistedAt',
        type: 'date',
        index: true,
        access: recordAccess,
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' }, description: 'Joined the waitlist.' },
      },
      {
        name: 'offerExpiresAt',
        label: 'Offer lapses at',
        type: 'date',
        access: recordAccess,
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  },
]
