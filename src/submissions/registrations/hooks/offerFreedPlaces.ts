import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { relationId } from '@/lib/relationId'

import { statusBeforeSave } from '../../workflow/statusBeforeSave'
import { PLACE_TAKING_STATUSES } from '../places'

/**
 * Offers a freed place to the waitlist: the offerWaitlistPlaces job, queued in this request's
 * transaction (a cancellation that rolls back frees nothing), does it under the event's lock.
 */
export const queuePlaceOffers = (req: PayloadRequest, event: number) =>
  req.payload.jobs.queue({ task: 'offerWaitlistPlaces', input: { event }, req })

/** A registration that gave up its place (cancelled, expired offer) frees it. */
export const offerFreedPlace: CollectionAfterChangeHook = async ({ data, doc, operation, previousDoc, req }) => {
  if (operation !== 'update') return doc
  // `doc` holds only what the caller selected; the row is `data` over the row before.
  const after = { ...previousDoc, ...doc, ...data }
  const before = statusBeforeSave(req, 'registrations', doc.id) ?? previousDoc?.status
  const event = relationId(after.event)
  if (event !== undefined && PLACE_TAKING_STATUSES.includes(before) && !PLACE_TAKING_STATUSES.includes(after.status)) {
    await queuePlaceOffers(req, event)
  }
  return doc
}

/** So does a deleted one. */
export const offerDeletedPlace: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const event = relationId(doc.event)
  if (event !== undefined && PLACE_TAKING_STATUSES.includes(doc.status)) await queuePlaceOffers(req, event)
  return doc
}
