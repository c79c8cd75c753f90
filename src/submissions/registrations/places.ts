import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { requestDatabase } from '@/db/requestDatabase'
import { intEnv } from '@/lib/env'

/** The statuses that take one of an event's places: an offer holds its place until it lapses. */
export const PLACE_TAKING_STATUSES: readonly string[] = ['confirmed', 'offered']

/** How long a person offered a place from the waitlist has to accept it. */
export const waitlistOfferHours = () => intEnv('WAITLIST_OFFER_HOURS', 24)

/**
 * The event's capacity, with the event's row locked until the request's transaction ends: every
 * change that takes or frees a place of one event goes through this lock, in whichever process
 * serves it, so two people confirming the last place are served one after the other. `null`: no
 * limit. The lock can be left out only by the race test (to show the race it prevents).
 */
export async function lockEventCapacity(req: PayloadRequest, event: number): Promise<number | null> {
  const database = await requestDatabase(req.payload, req)
  const lock = capacityLockDisabledForTest() ? sql`` : sql`for update`
  const { rows } = await database.execute(sql`select capacity from events where id = ${event} ${lock}`)
  const capacity = rows[0]?.capacity
  return capacity === null || capacity === undefined ? null : Number(capacity)
}

const capacityLockDisabledForTest = () => process.env.NODE_ENV === 'test' && process.env.CAPACITY_LOCK === 'off'

/** Places of the event taken now (in the request's transaction), leaving out one registration. */
export async function countPlacesTaken(req: PayloadRequest, event: number, except?: number): Promise<number> {
  const database = await requestDatabase(req.payload, req)
  const { rows } = await database.execute(sql`
    select count(*)::int as taken from registrations
    where event_id = ${event} and status in (${sql.join(PLACE_TAKING_STATUSES.map((status) => sql`${status}`), sql`, `)})
      ${except === undefined ? sql`` : sql`and id <> ${except}`}`)
  return Number(rows[0]?.taken ?? 0)
}
