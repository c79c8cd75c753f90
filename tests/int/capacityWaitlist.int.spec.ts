import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { confirmUrl } from '@/email/registrationLinks'
import { statusToken } from '@/submissions/statusLink'

import { runQueuedTask } from '../helpers/jobs'
import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let staff: TestUser
const anonymous = RestClient.anonymous()

beforeAll(async () => {
  payload = await getTestPayload()
  staff = await createUser(payload, ['staff'])
})

afterEach(() => {
  delete process.env.CAPACITY_LOCK
})

const newEvent = async (capacity: number | null, requireEmailConfirmation = true) =>
  (await createOpenEvent(payload, { capacity, requireEmailConfirmation })).id

/** A registration posted by the public, as the frontend does. */
async function register(event: number): Promise<number> {
  const response = await anonymous.post('/registrations', { body: validSubmission('registrations', event) })
  expect(response.status).toBe(201)
  return response.body.doc.id
}

const registration = (id: number) => payload.findByID({ collection: 'registrations', id, depth: 0 })
const statusOf = async (id: number) => (await registration(id)).status

/** The registrant follows the link in their confirmation email. */
async function confirm(id: number) {
  const token = new URL(confirmUrl(payload, await registration(id))).searchParams.get('token')
  return anonymous.post('/registrations/confirm', { query: { token }, headers: { Accept: 'application/json' } })
}

const statusPage = async (id: number) => statusToken(payload, 'registrations', await payload.findByID({ collection: 'registrations', id, depth: 1 }))

const emailsTo = async (id: number, template: string) =>
  (await payload.count({ collection: 'email-outbox', where: { and: [{ 'submission.value': { equals: id } }, { template: { equals: template } }] } })).totalDocs

const placesTaken = async (event: number) =>
  (await payload.count({ collection: 'registrations', where: { and: [{ event: { equals: event } }, { status: { in: ['confirmed', 'offered'] } }] } })).totalDocs

describe('an event with a capacity', () => {
  it('confirms registrations until it is full, then waitlists them with the waitlisted email', async () => {
    const event = await newEvent(2, false)
    const ids = [await register(event), await register(event), await register(event)]
    expect(await Promise.all(ids.map(statusOf))).toEqual(['confirmed', 'confirmed', 'waitlisted'])
    expect(await emailsTo(ids[2], 'registration-waitlisted')).toBe(1)
    expect(await emailsTo(ids[2], 'registration-received')).toBe(0)
    const waiting = await staff.client.get(`/registrations/${ids[2]}`)
    expect(waiting.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    // The queue's order is the server's: a client cannot move anyone forward.
    const joined = waiting.body.waitlistedAt
    expect((await staff.client.patch(`/registrations/${ids[2]}`, { body: { waitlistedAt: '2020-01-01T00:00:00.000Z', offerExpiresAt: '2030-01-01T00:00:00.000Z' } })).status).toBe(200)
    expect(await registration(ids[2])).toMatchObject({ waitlistedAt: joined, offerExpiresAt: null })
  })

  it('counts a registration when its email is confirmed: a confirmation that finds it full joins the waitlist', async () => {
    const event = await newEvent(1)
    const [first, second, third] = [await register(event), await register(event), await register(event)]
    expect(await Promise.all([first, second, third].map(statusOf))).toEqual(['pending-confirmation', 'pending-confirmation', 'pending-confirmation'])
    expect(await confirm(first)).toMatchObject({ status: 200, body: { status: 'confirmed' } })
    expect(await confirm(second)).toMatchObject({ status: 200, body: { status: 'waitlisted', message: 'You are on the waitlist' } })
    expect(await confirm(third)).toMatchObject({ status: 200, body: { status: 'waitlisted' } })
    // Following the link again says the same, and changes nothing.
    expect(await confirm(second)).toMatchObject({ status: 200, body: { status: 'waitlisted' } })
    expect(await Promise.all([first, second, third].map(statusOf))).toEqual(['confirmed', 'waitlisted', 'waitlisted'])
    expect(await emailsTo(second, 'registration-waitlisted')).toBe(1)
    expect(await emailsTo(second, 'registration-confirmed')).toBe(0)
    const positions = await Promise.all([second, third].map(async (id) => (await staff.client.get(`/registrations/${id}`)).body.waitlistPosition))
    expect(positions).toEqual([1, 2])
  })

  it('tells staff it is full instead of over-filling it', async () => {
    const event = await newEvent(1, false)
    await register(event)
    const waiting = await register(event)
    const response = await staff.client.patch(`/registrations/${waiting}`, { body: { status: 'confirmed' } })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'status', message: expect.stringContaining('The event is full: 1 of 1') })])
    expect(await statusOf(waiting)).toBe('waitlisted')
  })
})

describe('a freed place', () => {
  it('is offered to the first on the waitlist, who accepts it from their status page', async () => {
    const event = await newEvent(1, false)
    const [holder, next, after] = [await register(event), await register(event), await register(event)]
    const cancelled = await anonymous.post('/status', { body: { token: await statusPage(holder), action: 'withdraw' } })
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', actions: [] } })
    await runQueuedTask(payload, 'offerWaitlistPlaces')

    const offered = await registration(next)
    expect(offered.status).toBe('offered')
    const lapsesIn = new Date(offered.offerExpiresAt!).getTime() - Date.now()
    expect(lapsesIn).toBeGreaterThan(23.9 * 3_600_000)
    expect(lapsesIn).toBeLessThanOrEqual(24 * 3_600_000)
    expect(await emailsTo(next, 'registration-offered')).toBe(1)
    expect(await statusOf(after)).toBe('waitlisted')

    const token = await statusPage(next)
    const page = await anonymous.get('/status', { query: { token } })
    expect(page.body).toMatchObject({ status: 'offered', offerExpiresAt: offered.offerExpiresAt, actions: ['accept', 'withdraw'] })
    const accepted = await anonymous.post('/status', { body: { token, action: 'accept' } })
    expect(accepted).toMatchObject({ status: 200, body: { status: 'confirmed' } })
    expect(await emailsTo(next, 'registration-confirmed')).toBe(1)
    expect(await placesTaken(event)).toBe(1)
    expect((await staff.client.get(`/registrations/${after}`)).body.waitlistPosition).toBe(1)
  })

  it('passes to the next person when the offer lapses', async () => {
    const event = await newEvent(1, false)
    const [holder, next, after] = [await register(event), await register(event), await register(event)]
    expect((await staff.client.patch(`/registrations/${holder}`, { body: { status: 'cancelled' } })).status).toBe(200)
    await runQueuedTask(payload, 'offerWaitlistPlaces')
    expect(await statusOf(next)).toBe('offered')

    await payload.update({ collection: 'registrations', id: next, data: { offerExpiresAt: new Date(Date.now() - 1000).toISOString() } })
    const lapsed = await anonymous.post('/status', { body: { token: await statusPage(next), action: 'accept' } })
    expect(lapsed.status).toBe(409)
    expect(lapsed.body.errors[0].message).toContain('lapsed')

    await payload.jobs.queue({ task: 'expireWaitlistOffers', input: {} })
    await runQueuedTask(payload, 'expireWaitlistOffers')
    await runQueuedTask(payload, 'offerWaitlistPlaces')
    expect(await statusOf(next)).toBe('expired')
    expect(await statusOf(after)).toBe('offered')
    expect(await emailsTo(after, 'registration-offered')).toBe(1)
    expect(await placesTaken(event)).toBe(1)
  })

  it('comes with a raised capacity: the new places go to the waitlist in order', async () => {
    const event = await newEvent(1, false)
    const ids = [await register(event), await register(event), await register(event), await register(event)]
    expect((await staff.client.patch(`/events/${event}`, { body: { capacity: 3 } })).status).toBe(200)
    await runQueuedTask(payload, 'offerWaitlistPlaces')
    expect(await Promise.all(ids.map(statusOf))).toEqual(['confirmed', 'offered', 'offered', 'waitlisted'])
  })

  it('comes with a deleted registration', async () => {
    const event = await newEvent(1, false)
    const [holder, next] = [await register(event), await register(event)]
    const admin = await createUser(payload, ['admin'])
    expect((await admin.client.delete(`/registrations/${holder}`)).status).toBe(200)
    await runQueuedTask(payload, 'offerWaitlistPlaces')
    expect(await statusOf(next)).toBe('offered')
  })
})

describe('people confirming the last place at the same moment', () => {
  const CONFIRMING = 6

  /** An event with one place left and CONFIRMING people about to confirm. */
  async function lastPlaceRush() {
    const event = await newEvent(2)
    const holder = await register(event)
    expect((await confirm(holder)).status).toBe(200)
    const pending = await Promise.all(Array.from({ length: CONFIRMING }, () => register(event)))
    const answers = await Promise.all(pending.map(confirm))
    expect(answers.map((answer) => answer.status)).toEqual(pending.map(() => 200))
    return { event, pending }
  }

  it('over-fill the event when the lock is left out (the race the lock prevents)', async () => {
    process.env.CAPACITY_LOCK = 'off'
    let overFilled = 0
    for (let round = 0; round < 10 && !overFilled; round++) {
      const { event } = await lastPlaceRush()
      if ((await placesTaken(event)) > 2) overFilled++
    }
    expect(overFilled).toBeGreaterThan(0)
  })

  it('with the lock: exactly one is confirmed and the others waitlisted, every time', async () => {
    for (let round = 0; round < 20; round++) {
      const { event, pending } = await lastPlaceRush()
      expect(await placesTaken(event)).toBe(2)
      const statuses = await Promise.all(pending.map(statusOf))
      expect(statuses.filter((status) => status === 'confirmed')).toHaveLength(1)
      expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(CONFIRMING - 1)
    }
  })
})
