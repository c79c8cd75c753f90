import type { PayloadRequest, RelationshipField, Where } from 'payload'

import { checkRole } from '@/access/checkRole'
import { relationId } from '@/lib/relationId'

type EventWindow = {
  _status?: string | null
  registrationOpensAt?: string | null
  registrationClosesAt?: string | null
}

/** Published events whose registration window contains `now` (an unset bound is open). */
export const openForRegistration = (now: Date): Where => ({
  and: [
    { _status: { equals: 'published' } },
    { or: [{ registrationOpensAt: { exists: false } }, { registrationOpensAt: { less_than_equal: now } }] },
    { or: [{ registrationClosesAt: { exists: false } }, { registrationClosesAt: { greater_than: now } }] },
  ],
})

/** Why the public cannot submit for this event now, or undefined when they can. */
export function whyClosed(event: EventWindow, now: Date): string | undefined {
  if (event._status !== 'published') return 'This event is not open for registration.'
  if (event.registrationOpensAt && new Date(event.registrationOpensAt) > now)
    return 'Registration for this event has not opened yet.'
  if (event.registrationClosesAt && new Date(event.registrationClosesAt) <= now)
    return 'Registration for this event is closed.'
  return undefined
}

export type SubmissionEvent = EventWindow & {
  id: number
  requireEmailConfirmation?: boolean | null
  capacity?: number | null
  startsAt: string
  endsAt: string
  timezone: string
}

/**
 * The event a submission (or a session) names, read once per request: the field's validation and
 * the collection's hooks (double opt-in, capacity) need it on every public post, a session's time
 * rules on every save.
 */
export async function submissionEvent(req: PayloadRequest, value: unknown): Promise<SubmissionEvent | null> {
  const id = relationId(value)
  if (id === undefined) return null
  const cache = (req.context.submissionEvents ??= new Map())
  let event = cache.get(id)
  if (!event) {
    event = req.payload.findByID({
      collection: 'events',
      id,
      depth: 0,
      draft: false,
      disableErrors: true,
      overrideAccess: true,
      select: {
        _status: true,
        registrationOpensAt: true,
        registrationClosesAt: true,
        requireEmailConfirmation: true,
        capacity: true,
        startsAt: true,
        endsAt: true,
        timezone: true,
      },
      req,
    }) as Promise<SubmissionEvent | null>
    cache.set(id, event)
  }
  return event
}

const isStaff = (req: PayloadRequest) => checkRole(['admin', 'staff'], req.user)

/**
 * The event a submission belongs to. Left out by the client, it defaults to the one event open
 * for registration, if exactly one is. The public may only submit while the event is published
 * and its registration window is open; staff may add submissions at any time (walk-ins).
 */
export const eventField = (): RelationshipField => ({
  name: 'event',
  type: 'relationship',
  relationTo: 'events',
  required: true,
  index: true,
  admin: { position: 'sidebar' },
  // May be left out: the hook below fills in the one event open for registration (requiredOnCreate).
  custom: { filledOnCreate: true },
  hooks: {
    beforeValidate: [
      async ({ value, operation, req }) => {
        if (operation !== 'create' || (value !== undefined && value !== null && value !== '')) return value
        const { docs } = await req.payload.find({
          collection: 'events',
          where: openForRegistration(new Date()),
          limit: 2,
          depth: 0,
          select: {},
          pagination: false,
          req,
        })
        return docs.length === 1 ? docs[0].id : value
      },
    ],
  },
  validate: async (value, { req, operation }) => {
    if (value === undefined || value === null || value === '')
      return 'Choose the event: more than one (or no) event is open for registration.'
    const event = await submissionEvent(req, value)
    if (!event) return 'This event does not exist.'
    if (operation !== 'create' || isStaff(req)) return true
    return whyClosed(event, new Date()) ?? true
  },
})
