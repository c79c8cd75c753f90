import type { StatusCounts } from './queries'

/**
 * The registration statuses that hold a seat: confirmed, and `offered` (a waitlisted person
 * offered a freed place). `offered` arrives with main's waitlist work; on merge this becomes
 * main's own constant.
 */
export const PLACE_TAKING_STATUSES = ['confirmed', 'offered'] as const

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
