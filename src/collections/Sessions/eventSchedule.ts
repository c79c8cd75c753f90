import type { PayloadRequest } from 'payload'

import { relationId } from '@/lib/relationId'

export type EventSchedule = { startsAt: string; endsAt: string; timezone: string }

const loaded = new WeakMap<PayloadRequest, Map<string, Promise<EventSchedule | null>>>()

/**
 * The dates and time zone of a session's event, read once per request: the time-zone hook and
 * three validations of the same save all need them.
 */
export function eventSchedule(req: PayloadRequest, event: unknown): Promise<EventSchedule | null> {
  const id = relationId(event)
  if (id === undefined) return Promise.resolve(null)
  let byId = loaded.get(req)
  if (!byId) loaded.set(req, (byId = new Map()))
  let schedule = byId.get(String(id))
  if (!schedule) {
    schedule = req.payload
      .findByID({ collection: 'events', id, depth: 0, req, disableErrors: true, select: { startsAt: true, endsAt: true, timezone: true } })
      .then((found) => (found ? { startsAt: found.startsAt, endsAt: found.endsAt, timezone: found.timezone } : null))
    byId.set(String(id), schedule)
  }
  return schedule
}
