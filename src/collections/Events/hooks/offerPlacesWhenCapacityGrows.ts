import type { CollectionAfterChangeHook } from 'payload'

import { queuePlaceOffers } from '@/submissions/registrations/hooks/offerFreedPlaces'

/** More places (or no limit any more) are offered to the event's waitlist. */
export const offerPlacesWhenCapacityGrows: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  const before = previousDoc?.capacity ?? null
  const after = doc.capacity ?? null
  const grew = operation === 'update' && before !== null && (after === null || after > before)
  if (grew) await queuePlaceOffers(req, doc.id)
  return doc
}
