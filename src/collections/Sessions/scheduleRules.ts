import type { DateFieldValidation, PayloadRequest } from 'payload'

import { formatEventDate } from '@/lib/eventDate'
import { relationId } from '@/lib/relationId'

import { mustFollow } from '../Events/mustFollow'
import { eventSchedule } from './eventSchedule'

type SessionData = { event?: unknown; startsAt?: string | Date | null; endsAt?: string | Date | null }

const time = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone }).format(new Date(iso))
const day = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone }).format(new Date(iso))

const endsAfterStart = mustFollow('startsAt', 'The session must end after it starts.')

/** A session starts no earlier than its event and before the event ends. */
export const startsWithinEvent: DateFieldValidation = async (value, { data, req, required }) => {
  if (!value) return required ? 'This field is required.' : true
  const schedule = await eventSchedule(req, (data as SessionData).event)
  if (!schedule) return true
  const start = new Date(value as Date | string)
  if (start < new Date(schedule.startsAt) || start >= new Date(schedule.endsAt))
    return `The session must start during the event: ${formatEventDate(schedule.startsAt, schedule.timezone)} to ${formatEventDate(schedule.endsAt, schedule.timezone)} (${schedule.timezone}).`
  return true
}

/** A session ends after it starts and no later than its event ends. */
export const endsWithinEvent: DateFieldValidation = async (value, options) => {
  const order = endsAfterStart(value, options)
  if (order !== true || !value) return order
  const schedule = await eventSchedule(options.req, (options.data as SessionData).event)
  if (schedule && new Date(value as Date | string) > new Date(schedule.endsAt))
    return `The session must end by the end of the event, ${formatEventDate(schedule.endsAt, schedule.timezone)} (${schedule.timezone}).`
  return true
}

/**
 * No two published sessions of an event share a room at the same time. Only published sessions
 * count: a draft holds no room until it is published, and is checked then.
 */
export async function roomIsFree(
  room: string,
  { data, id, req }: { data: SessionData; id?: number | string; req: PayloadRequest },
): Promise<true | string> {
  const event = relationId(data.event)
  const startsAt = new Date(data.startsAt ?? Number.NaN)
  const endsAt = new Date(data.endsAt ?? Number.NaN)
  // Missing or unreadable times are the time fields' own errors.
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || event === undefined) return true
  const { docs } = await req.payload.find({
    collection: 'sessions',
    where: {
      and: [
        { event: { equals: event } },
        { room: { equals: room } },
        { _status: { equals: 'published' } },
        // Overlapping: starts before this one ends and ends after it starts (touching is fine).
        { startsAt: { less_than: endsAt.toISOString() } },
        { endsAt: { greater_than: startsAt.toISOString() } },
        ...(id === undefined ? [] : [{ id: { not_equals: id } }]),
      ],
    },
    sort: 'startsAt',
    limit: 1,
    depth: 0,
    select: { title: true, startsAt: true, endsAt: true },
    req,
  })
  const other = docs[0]
  if (!other) return true
  const timezone = (await eventSchedule(req, event))?.timezone ?? 'UTC'
  return `${room} is taken by “${other.title}” from ${time(other.startsAt, timezone)} to ${time(other.endsAt, timezone)} on ${day(other.startsAt, timezone)} (${timezone}).`
}
