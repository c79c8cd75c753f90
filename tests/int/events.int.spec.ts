import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { UNREADABLE_REQUEST_MESSAGE } from '@/lib/unreadableRequest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let staff: TestUser
let editor: TestUser
let publishedId: number
let draftId: number

const eventData = (name: string) => ({
  name,
  startsAt: '2027-05-01T08:00:00.000Z',
  endsAt: '2027-05-01T17:00:00.000Z',
  venue: 'Ogbomoso',
})

beforeAll(async () => {
  payload = await getTestPayload()
  staff = await createUser(payload, ['staff'])
  editor = await createUser(payload, ['editor'])
  const published = await payload.create({
    collection: 'events',
    data: { ...eventData('Published Summit'), slug: 'published-summit', timezone: 'Africa/Lagos', _status: 'published' },
  })
  const draft = await payload.create({
    collection: 'events',
    data: { ...eventData('Secret Draft Summit'), slug: 'secret-draft-summit', timezone: 'Africa/Lagos', _status: 'draft' },
    draft: true,
  })
  publishedId = published.id
  draftId = draft.id
})

const ids = (docs: { id: number }[]) => docs.map((doc) => doc.id)

describe('events as an anonymous visitor', () => {
  it('lists published events but not drafts', async () => {
    const response = await RestClient.anonymous().get('/events', { query: { limit: 100 } })
    expect(response.status).toBe(200)
    expect(ids(response.body.docs)).toContain(publishedId)
    expect(ids(response.body.docs)).not.toContain(draftId)
  })

  it('cannot open a draft by id, even asking for drafts', async () => {
    const response = await RestClient.anonymous().get(`/events/${draftId}`, { query: { draft: 'true' } })
    expect(response.status).toBe(404)
  })

  it('sees the published text of an event with unpublished changes, in lists and by id, even asking for drafts', async () => {
    const event = await payload.create({
      collection: 'events',
      data: { ...eventData('Announced Summit'), slug: 'announced-summit', timezone: 'Africa/Lagos', _status: 'published' },
    })
    await payload.update({ collection: 'events', id: event.id, data: { name: 'Renamed Before Announcement' }, draft: true })
    const list = await RestClient.anonymous().get('/events', { query: { where: { id: { equals: event.id } }, draft: 'true' } })
    const one = await RestClient.anonymous().get(`/events/${event.id}`, { query: { draft: 'true' } })
    expect(list.body.docs.map((doc: { name: string }) => doc.name)).toEqual(['Announced Summit'])
    expect(one.body.name).toBe('Announced Summit')
  })

  it('does not see drafts through GraphQL', async () => {
    const response = await RestClient.anonymous().graphql('{ Events(limit: 100) { docs { id name } } }')
    expect(response.status).toBe(200)
    const names = response.body.data.Events.docs.map((doc: { name: string }) => doc.name)
    expect(names).toContain('Published Summit')
    expect(names).not.toContain('Secret Draft Summit')
  })

  it.each(['abc', '1.5', '99999999999', '%20'])('gets 404 for the malformed id %s, not a server error', async (id) => {
    const response = await RestClient.anonymous().get(`/events/${id}`)
    expect(response.status).toBe(404)
    expect(response.body).toEqual({ errors: [{ message: 'Not Found' }] })
  })

  it.each([
    ['page', '-1'],
    ['page', '1.5'],
    ['page', 'abc'],
    ['limit', '-1'],
    ['limit', '1e12'],
  ])('gets a 400 naming %s for %s, not a server error', async (param, value) => {
    const response = await RestClient.anonymous().get(`/events?${param}=${value}`)
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(new RegExp(`^${param} must be a whole number`))
  })

  it('gets a 400 for a where parameter that is not JSON, not a server error', async () => {
    const response = await RestClient.anonymous().get('/events?where=%20{')
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toBe(UNREADABLE_REQUEST_MESSAGE)
  })

  it('cannot create, update or delete events', async () => {
    const anonymous = RestClient.anonymous()
    expect((await anonymous.post('/events', { body: eventData('Spam Fest') })).status).toBe(403)
    expect((await anonymous.patch(`/events/${publishedId}`, { body: { name: 'Hacked' } })).status).toBe(403)
    expect((await anonymous.delete(`/events/${publishedId}`)).status).toBe(403)
  })
})

describe('events as an editor', () => {
  it('cannot create or change events', async () => {
    expect((await editor.client.post('/events', { body: eventData('Editor Fest') })).status).toBe(403)
    expect((await editor.client.patch(`/events/${publishedId}`, { body: { name: 'Renamed' } })).status).toBe(403)
  })
})

describe('events as staff', () => {
  it('sees drafts', async () => {
    const response = await staff.client.get(`/events/${draftId}`, { query: { draft: 'true' } })
    expect(response.status).toBe(200)
    expect(response.body.name).toBe('Secret Draft Summit')
  })

  it('creates an event with a slug made from its name and the Lagos time zone by default', async () => {
    const response = await staff.client.post('/events', {
      body: { ...eventData('Ignite Ogbomoso & Friends'), _status: 'published' },
    })
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({
      slug: 'ignite-ogbomoso-and-friends',
      timezone: 'Africa/Lagos',
      _status: 'published',
    })
  })

  it('gets a field error for an event that ends before it starts', async () => {
    const response = await staff.client.post('/events', {
      body: { ...eventData('Backwards Day'), endsAt: '2027-04-30T08:00:00.000Z' },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'endsAt', message: 'The event must end after it starts.' }),
    ])
  })

  it('gets a field error for registration closing before it opens', async () => {
    const response = await staff.client.post('/events', {
      body: {
        ...eventData('Inside Out'),
        registrationOpensAt: '2027-04-10T08:00:00.000Z',
        registrationClosesAt: '2027-04-01T08:00:00.000Z',
      },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'registrationClosesAt', message: 'Registration must close after it opens.' }),
    ])
  })

  it('gets a field error for an unknown time zone and a duplicate slug', async () => {
    const response = await staff.client.post('/events', {
      body: { ...eventData('Published Summit'), timezone: 'Mars/Olympus' },
    })
    expect(response.status).toBe(400)
    const paths = response.body.errors[0].data.errors.map((error: { path: string }) => error.path)
    expect(paths).toEqual(expect.arrayContaining(['timezone']))
  })

  it('refuses a slug that is already taken with a field error', async () => {
    const response = await staff.client.post('/events', {
      body: { ...eventData('Another'), slug: 'published-summit' },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'slug' })])
  })
})
