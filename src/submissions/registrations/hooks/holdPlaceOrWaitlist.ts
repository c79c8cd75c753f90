import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { checkRole } from '@/access/checkRole'
import { submissionEvent } from '@/fields/eventField'
import { relationId } from '@/lib/relationId'

import { statusBeforeSave } from '../../workflow/statusBeforeSave'
import { countPlacesTaken, lockEventCapacity, PLACE_TAKING_STATUSES, waitlistOfferHours } from '../places'

/**
 * A registration that becomes confirmed takes a place, if the event has one left (counted with
 * the event locked, see lockEventCapacity). When it is full, a registrant (a public registration,
 * a confirmation link) joins the waitlist instead; staff confirming someone are told the event is
 * full. Joining the waitlist and being offered a place are stamped: the waitlist is served in the
 * order people joined it, and an offer lapses after WAITLIST_OFFER_HOURS.
 */
export const holdPlaceOrWaitlist: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const before = operation === 'update' && originalDoc ? (statusBeforeSave(req, 'registrations', originalDoc.id) ?? originalDoc.status) : undefined
  let status = data.status ?? before
  if (status === before) return data

  if (status === 'confirmed' && !PLACE_TAKING_STATUSES.includes(before)) {
    const event = relationId(data.event ?? originalDoc?.event)
    // Events without a limit take no lock: their confirmations need not wait for each other.
    const limited = event !== undefined && (await submissionEvent(req, event))?.capacity != null
    const capacity = limited ? await lockEventCapacity(req, event) : null
    if (event !== undefined && capacity !== null) {
      const taken = await countPlacesTaken(req, event, originalDoc?.id)
      if (taken >= capacity) {
        if (checkRole(['admin', 'staff'], req.user)) {
          const message = `The event is full: ${taken} of ${capacity} places are taken. Raise its capacity to confirm more.`
          throw new ValidationError({ collection: 'registrations', errors: [{ path: 'status', message }], req })
        }
        status = 'waitlisted'
      }
    }
  }
  const now = Date.now()
  if (status === 'waitlisted') return { ...data, status, waitlistedAt: new Date(now).toISOString() }
  if (status === 'offered') return { ...data, status, offerExpiresAt: new Date(now + waitlistOfferHours() * 3_600_000).toISOString() }
  return { ...data, status }
}
