import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, SUBMISSION_SLUGS, validSubmission } from '../helpers/submissions'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let staff: TestUser
const anonymous = RestClient.anonymous()
const DAY = 86_400_000

beforeAll(async () => {
  payload = await getTestPayload()
  staff = await createUser(payload, ['staff'])
})

describe.each(SUBMISSION_SLUGS)('%s for an event that is not open, posted by the public', (collection) => {
  it('is refused once registration has closed', async () => {
    const event = await createOpenEvent(payload, {
      registrationOpensAt: new Date(Date.now() - 10 * DAY).toISOString(),
      registrationClosesAt: new Date(Date.now() - DAY).toISOString(),
    })
    const response = await anonymous.post(`/${collection}`, { body: validSubmission(collection, event.id) })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'event', message: 'Registration for this event is closed.' }),
    ])
    expect((await payload.count({ collection, where: { event: { equals: event.id } } })).totalDocs).toBe(0)
  })

  it('is refused before registration opens', async () => {
    const event = await createOpenEvent(payload, { registrationOpensAt: new Date(Date.now() + DAY).toISOString() })
    const response = await anonymous.post(`/${collection}`, { body: validSubmission(collection, event.id) })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'event', message: 'Registration for this event has not opened yet.' }),
    ])
  })

  it('is refused while the event is a draft', async () => {
    const event = await payload.create({
      collection: 'events',
      draft: true,
      data: {
        name: 'Draft',
        slug: `draft-${Date.now()}-${Math.random().toString(36).slice(2)}`,
        startsAt: '2027-06-01T08:00:00.000Z',
        endsAt: '2027-06-01T17:00:00.000Z',
        timezone: 'Africa/Lagos',
        _status: 'draft',
      },
    })
    const response = await anonymous.post(`/${collection}`, { body: validSubmission(collection, event.id) })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'event', message: 'This event is not open for registration.' }),
    ])
  })

  it('is refused for an event that does not exist', async () => {
    const response = await anonymous.post(`/${collection}`, { body: validSubmission(collection, 999_999) })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'event', message: 'This event does not exist.' }),
    ])
  })
})

describe('registrations after closing as staff', () => {
  it('can still be added (walk-ins at the door)', async () => {
    const event = await createOpenEvent(payload, {
      registrationOpensAt: new Date(Date.now() - 10 * DAY).toISOString(),
      registrationClosesAt: new Date(Date.now() - DAY).toISOString(),
    })
    const response = await staff.client.post('/registrations', { body: validSubmission('registrations', event.id) })
    expect(response.status).toBe(201)
  })
})
