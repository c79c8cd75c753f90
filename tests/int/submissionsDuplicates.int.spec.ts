import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, errorPaths, initialStatus, validSubmission } from '../helpers/submissions'
import { createUser } from '../helpers/users'

let payload: Payload
let eventId: number
const anonymous = RestClient.anonymous()

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = (await createOpenEvent(payload)).id
})

describe.each([
  ['registrations', 'already registered for this event'],
  ['volunteer-applications', 'already applied to volunteer at this event'],
] as const)('%s sent twice by the public', (collection, message) => {
  it('refuses the second with a field error on email, whatever its case', async () => {
    const body = validSubmission(collection, eventId)
    expect((await anonymous.post(`/${collection}`, { body })).status).toBe(201)

    const again = await anonymous.post(`/${collection}`, {
      body: { ...body, email: (body.email as string).toUpperCase() },
    })
    expect(again.status).toBe(400)
    expect(again.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'email', message })])
  })

  it('accepts the same person for another event', async () => {
    const body = validSubmission(collection, eventId)
    const otherEvent = (await createOpenEvent(payload)).id
    expect((await anonymous.post(`/${collection}`, { body })).status).toBe(201)
    expect((await anonymous.post(`/${collection}`, { body: { ...body, event: otherEvent } })).status).toBe(201)
  })

  it('stores exactly one of 20 identical requests sent at once and answers the rest with the field error', async () => {
    const body = validSubmission(collection, eventId)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => anonymous.post(`/${collection}`, { body })),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status >= 500)).toHaveLength(0)
    const refused = responses.filter((response) => response.status === 400)
    expect(refused).toHaveLength(19)
    for (const response of refused) {
      expect(response.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'email', message })])
    }
    const stored = await payload.count({ collection, where: { email: { equals: body.email } } })
    expect(stored.totalDocs).toBe(1)
  })
})

describe('sponsor applications sent twice by the public', () => {
  it('are both kept: an organisation may apply for several tiers', async () => {
    const body = validSubmission('sponsor-applications', eventId)
    expect((await anonymous.post('/sponsor-applications', { body })).status).toBe(201)
    const second = await anonymous.post('/sponsor-applications', { body: { ...body, sponsorTier: 'silver' } })
    expect(second.status).toBe(201)
    expect(errorPaths(second.body)).toEqual([])
  })
})

const statusesOf = async (collection: 'registrations' | 'volunteer-applications', email: string) =>
  (
    await payload.find({ collection, where: { email: { equals: email } }, sort: 'id', depth: 0, pagination: false })
  ).docs.map((doc) => doc.status)

describe.each(['registrations', 'volunteer-applications'] as const)('%s caught by the honeypot', (collection) => {
  it('do not take the address: the real person who sends it next is accepted', async () => {
    const real = validSubmission(collection, eventId)
    const bot = await anonymous.post(`/${collection}`, { body: { ...real, faxNumber: '+1 555 0100' } })
    expect(bot.status).toBe(201)

    const person = await anonymous.post(`/${collection}`, { body: real })
    expect(person.status).toBe(201)
    expect(await statusesOf(collection, real.email as string)).toEqual(['spam', initialStatus(collection)])
  })

  it('for an address already taken are answered as accepted, kept as spam, and tell the address nothing', async () => {
    const real = validSubmission(collection, eventId)
    expect((await anonymous.post(`/${collection}`, { body: real })).status).toBe(201)

    const bot = await anonymous.post(`/${collection}`, { body: { ...real, faxNumber: '+1 555 0100' } })
    expect(bot.status).toBe(201)
    expect(await statusesOf(collection, real.email as string)).toEqual([initialStatus(collection), 'spam'])
    // The already-registered notice is queued only where a duplicate is refused (400).
    const outbox = await payload.find({ collection: 'email-outbox', where: { to: { equals: real.email } }, depth: 0 })
    expect(outbox.docs.map((email) => email.template)).not.toContain('already-registered')
    expect(outbox.totalDocs).toBe(1) // the real person's own first email
  })

  it('cannot be moved by staff into the place another submission holds: a field error on status', async () => {
    const staff = await createUser(payload, ['staff'])
    const real = validSubmission(collection, eventId)
    const bot = await anonymous.post(`/${collection}`, { body: { ...real, faxNumber: '+1 555 0100' } })
    const person = await anonymous.post(`/${collection}`, { body: real })
    const moved = await staff.client.patch(`/${collection}/${bot.body.doc.id}`, { body: { status: initialStatus(collection) } })
    expect(moved.status).toBe(400)
    expect(moved.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'status', message: expect.stringContaining(`already holds the place (#${person.body.doc.id})`) }),
    ])
  })
})
