import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { placeSummary } from '@/components/Dashboard/places'
import {
  countFormsByStatus,
  countOutboxByStatus,
  countRegistrationsPerDay,
  countSubmissionsByStatus,
} from '@/components/Dashboard/queries'
import { type DashboardEvent, selectEvent } from '@/components/Dashboard/selectEvent'
import type { SubmissionSlug } from '@/submissions'

import { getTestPayload } from '../helpers/payload'
import { createOpenEvent, validSubmission } from '../helpers/submissions'

let payload: Payload
let eventId: number
let otherEventId: number

/** Straight to the database (no hooks, no emails): the status and the moment are what is under test. */
const seed = (collection: SubmissionSlug, event: number, status: string, createdAt = new Date().toISOString()) =>
  payload.db.create({ collection, data: { ...validSubmission(collection, event), name: 'Ada Okafor', status, createdAt } })

const outbox = (event: number, status: string) =>
  payload.create({ collection: 'email-outbox', data: { to: 'someone@example.com', template: 'registration-received', status, event } as never })

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = (await createOpenEvent(payload, { timezone: 'Africa/Lagos' })).id
  otherEventId = (await createOpenEvent(payload)).id

  // 1 March 22:30 UTC is 23:30 in Lagos (UTC+1): still 1 March there. 23:30 UTC is already 2 March.
  await seed('registrations', eventId, 'confirmed', '2027-03-01T22:30:00.000Z')
  await seed('registrations', eventId, 'confirmed', '2027-03-01T23:30:00.000Z')
  await seed('registrations', eventId, 'confirmed', '2027-03-02T10:00:00.000Z')
  await seed('registrations', eventId, 'waitlisted', '2027-03-04T09:00:00.000Z')
  await seed('registrations', eventId, 'waitlisted', '2027-03-04T09:05:00.000Z')
  await seed('registrations', eventId, 'pending-confirmation', '2027-03-04T12:00:00.000Z')
  await seed('registrations', eventId, 'spam', '2027-03-03T12:00:00.000Z')
  await seed('registrations', otherEventId, 'confirmed', '2027-03-02T10:00:00.000Z')

  await seed('sponsor-applications', eventId, 'submitted')
  await seed('sponsor-applications', eventId, 'submitted')
  await seed('sponsor-applications', eventId, 'accepted')
  await seed('volunteer-applications', eventId, 'spam')
  await seed('exhibitor-applications', otherEventId, 'submitted')

  for (const status of ['queued', 'queued', 'failed', 'sent']) await outbox(eventId, status)
  await outbox(otherEventId, 'failed')
})

describe('the dashboard queries for one event', () => {
  it('count registrations by status, spam included, other events left out', async () => {
    expect(await countSubmissionsByStatus(payload, 'registrations', eventId)).toEqual({
      confirmed: 3,
      waitlisted: 2,
      'pending-confirmation': 1,
      spam: 1,
    })
  })

  it('count the applications of every form in one answer, a form without any as empty', async () => {
    const counts = await countFormsByStatus(payload, ['sponsor-applications', 'exhibitor-applications', 'volunteer-applications'], eventId)
    expect(counts).toEqual({
      'sponsor-applications': { submitted: 2, accepted: 1 },
      'exhibitor-applications': {},
      'volunteer-applications': { spam: 1 },
    })
  })

  it('count the outbox by status for the event only', async () => {
    expect(await countOutboxByStatus(payload, eventId)).toEqual({ queued: 2, failed: 1, sent: 1 })
  })

  it('bucket registrations by day in the event’s time zone, spam left out', async () => {
    expect(await countRegistrationsPerDay(payload, eventId, 'Africa/Lagos')).toEqual([
      { day: '2027-03-01', count: 1, startsAt: '2027-02-28T23:00:00.000Z', endsAt: '2027-03-01T23:00:00.000Z' },
      { day: '2027-03-02', count: 2, startsAt: '2027-03-01T23:00:00.000Z', endsAt: '2027-03-02T23:00:00.000Z' },
      { day: '2027-03-04', count: 3, startsAt: '2027-03-03T23:00:00.000Z', endsAt: '2027-03-04T23:00:00.000Z' },
    ])
  })

  it('put the same registrations on other days in another time zone', async () => {
    const days = await countRegistrationsPerDay(payload, eventId, 'UTC')
    expect(days.map(({ day, count }) => [day, count])).toEqual([
      ['2027-03-01', 2],
      ['2027-03-02', 1],
      ['2027-03-04', 3],
    ])
  })
})

describe('the places of an event', () => {
  it('are taken by confirmed and offered registrations, the waitlist counted apart', () => {
    expect(placeSummary({ confirmed: 3, offered: 1, waitlisted: 2, cancelled: 4 }, 5)).toEqual({
      taken: 4,
      capacity: 5,
      waitlisted: 2,
      share: 0.8,
    })
  })

  it('have no share without a capacity', () => {
    expect(placeSummary({ confirmed: 7 }, null)).toMatchObject({ taken: 7, capacity: null, share: null })
  })
})

describe('the event the dashboard shows', () => {
  const event = (id: number, startsAt: string, endsAt: string): DashboardEvent => ({ id, name: `Event ${id}`, startsAt, endsAt, timezone: 'Africa/Lagos' })
  const past = event(1, '2026-01-10T08:00:00.000Z', '2026-01-10T17:00:00.000Z')
  const underWay = event(2, '2026-06-01T08:00:00.000Z', '2026-06-01T17:00:00.000Z')
  const later = event(3, '2026-09-01T08:00:00.000Z', '2026-09-01T17:00:00.000Z')
  const now = new Date('2026-06-01T12:00:00.000Z')

  it('is the one asked for when it exists', () => {
    expect(selectEvent([past, underWay, later], '1', now)).toEqual({ event: past, requestedMissing: false })
  })

  it('is otherwise the next that has not ended, one under way included', () => {
    expect(selectEvent([later, past, underWay], undefined, now).event).toBe(underWay)
  })

  it('is the latest when every event is over, saying that the one asked for was not found', () => {
    expect(selectEvent([underWay, past], '99', new Date('2027-01-01T00:00:00.000Z'))).toEqual({ event: underWay, requestedMissing: true })
  })
})
