import type { CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '@/access/checkRole'
import { submissionEvent } from '@/fields/eventField'

/**
 * A public registration waits for its email to be confirmed, unless the event turned double
 * opt-in off. Staff set the status they mean (a walk-in is simply `confirmed`).
 */
export const applyDoubleOptIn: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.status === 'spam' || checkRole(['admin', 'staff'], req.user)) return data
  const event = await submissionEvent(req, data.event)
  return { ...data, status: event?.requireEmailConfirmation === false ? 'confirmed' : 'pending-confirmation' }
}
