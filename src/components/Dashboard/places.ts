import { PLACE_TAKING_STATUSES } from '@/submissions/registrations/places'

import type { StatusCounts } from './queries'

export const WAITLISTED_STATUS = 'waitlisted'

export type PlaceSummary = {
  taken: number
  /** Empty: no limit. */
  capacity: number | null
  waitlisted: number
  /** Of the capacity, 0–1 (more than 1 when overbooked); null without a limit. */
  share: number | null
}

export function placeSummary(counts: StatusCounts, capacity: number | null | undefined): PlaceSummary {
  const taken = PLACE_TAKING_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0)
  const limit = capacity ?? null
  return { taken, capacity: limit, waitlisted: counts[WAITLISTED_STATUS] ?? 0, share: limit ? taken / limit : null }
}
