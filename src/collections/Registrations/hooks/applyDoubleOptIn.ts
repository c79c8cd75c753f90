import type { CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '@/access/checkRole'

/**
 * A public registration waits for its email to be confirmed, unless the event turned double
 * opt-in off. Staff set the status they mean (a walk-in is simply `confirmed`).
 */
export const applyDoubleOptIn: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.status === 'spam' || checkRole(['admin', 'staff'], req.user)) return data
  const eventId = typeof data.event === 'object' && data.event ? data.event.id : data.event
  const event = await req.payload.findByID({
    collection: 'events',
    id: eventId,
    depth: 0,
    select: { requireEmailConfirmation: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return { ...data, status: event?.requireEmailConfirmation === false ? 'confirmed' : 'pending-confirmation' }
}
