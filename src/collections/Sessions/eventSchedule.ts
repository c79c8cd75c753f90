import type { PayloadRequest } from 'payload'

import { submissionEvent } from '@/fields/eventField'

export type EventSchedule = { startsAt: string; endsAt: string; timezone: string }

/**
 * The dates and time zone of a session's event, read once per request with the submissions' own
 * loader: the time-zone hook and three validations of the same save all need them.
 */
export async function eventSchedule(req: PayloadRequest, event: unknown): Promise<EventSchedule | null> {
  const found = await submissionEvent(req, event)
  return found && { startsAt: found.startsAt, endsAt: found.endsAt, timezone: found.timezone }
}
