import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { toSnakeCase } from '@/lib/caseConversion'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, initialStatus, validSubmission } from '../helpers/submissions'
import { createUser, loginAsSeededAdmin, type TestUser } from '../helpers/users'

let payload: Payload
let eventId: number
let staff: TestUser
let editor: TestUser
const anonymous = RestClient.anonymous()

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = (await createOpenEvent(payload)).id
  staff = await createUser(payload, ['staff'])
  editor = await createUser(payload, ['editor'])
})

/** The same body with the guide's snake_case field names. */
const snake = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).map(([key, value]) => [toSnakeCase(key), value]))

describe.each([
  ['/register/', 'registrations', 'Registration received'],
  ['/sponsors/', 'sponsor-applications', 'Sponsor application received'],
  ['/exhibitors/', 'exhibitor-applications', 'Exhibitor application received'],
  ['/volunteer/', 'volunteer-applications', 'Volunteer application received'],
] as const)('POST %s as the public', (path, collection, message) => {
  it('stores the snake_case form in the collection and answers in the guide envelope', async () => {
    const response = await anonymous.post(path, { body: snake(validSubmission(collection, eventId)) })
    expect(response.status).toBe(201)
    expect(response.body).toEqual({ status: 'success', message, data: { id: expect.any(Number) } })
    const doc = await payload.findByID({ collection, id: response.body.data.id })
    expect(doc.status).toBe(initialStatus(collection))
  })

  it('answers field errors by snake_case name and stores nothing', async () => {
    const before = (await payload.count({ collection })).totalDocs
    const response = await anonymous.post(path, { body: { event: eventId } })
    expect(response.status).toBe(400)
    expect(response.body.status).toBe('error')
    for (const error of response.body.errors) {
      expect(error).toEqual({ field: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) })
    }
    expect((await payload.count({ collection })).totalDocs).toBe(before)
  })
})

describe('POST /register/ as the public', () => {
  it('normalises exactly as the collection does', async () => {
    const body = snake({ ...validSubmission('registrations', eventId), phone: '0803 123 4567', email: 'Guide.Case@Example.COM' })
    const response = await anonymous.post('/register/', { body })
    expect(response.status).toBe(201)
    const doc = await payload.findByID({ collection: 'registrations', id: response.body.data.id })
    expect(doc).toMatchObject({ email: 'guide.case@example.com', phone: '+2348031234567' })
  })

  it('reports an impossible phone and a missing consent on phone and physical_event_ack', async () => {
    const body = snake({ ...validSubmission('registrations', eventId), phone: '123', physicalEventAck: false })
    const response = await anonymous.post('/register/', { body })
    expect(response.status).toBe(400)
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'phone',
      'physical_event_ack',
    ])
  })

  it('reports a duplicate on email with the collection’s message', async () => {
    const body = snake(validSubmission('registrations', eventId))
    expect((await anonymous.post('/register/', { body })).status).toBe(201)
    const again = await anonymous.post('/register/', { body })
    expect(again.status).toBe(400)
    expect(again.body.errors).toEqual([{ field: 'email', message: 'already registered for this event' }])
  })

  it('accepts url-encoded form data, as a plain HTML form posts it', async () => {
    const valid = validSubmission('registrations', eventId)
    const form = new URLSearchParams({
      event: String(eventId),
      first_name: 'Form',
      last_name: 'Poster',
      email: valid.email as string,
      phone: '08031234567',
      city: 'Oyo',
      years_experience: '3',
      physical_event_ack: 'on',
      join_community: 'true',
    })
    form.append('participant_categories', 'student')
    form.append('participant_categories', 'designer')
    const response = await anonymous.post('/register/', {
      rawBody: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status).toBe(201)
    const doc = await payload.findByID({ collection: 'registrations', id: response.body.data.id })
    expect(doc).toMatchObject({
      yearsExperience: 3,
      physicalEventAck: true,
      joinCommunity: true,
      participantCategories: ['student', 'designer'],
    })
  })

  it('refuses review fields as the collection does', async () => {
    const body = { ...snake(validSubmission('registrations', eventId)), status: 'accepted', reviewer_notes: 'VIP' }
    const response = await anonymous.post('/register/', { body })
    expect(response.status).toBe(201)
    const doc = await payload.findByID({ collection: 'registrations', id: response.body.data.id })
    expect(doc).toMatchObject({ status: 'pending-confirmation', reviewerNotes: null })
  })

  it('answers a body in another format with 415', async () => {
    const response = await anonymous.post('/register/', { rawBody: 'first_name=Ada', headers: { 'Content-Type': 'text/plain' } })
    expect(response.status).toBe(415)
    expect(response.body.status).toBe('error')
  })

  it('answers a body that is not JSON with a 400 envelope', async () => {
    const response = await anonymous.post('/register/', { rawBody: '{"first_name": ', headers: {} })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ status: 'error', errors: [{ field: null, message: expect.any(String) }] })
  })
})

describe('POST /register/ as an editor', () => {
  it('is refused like the collection refuses it', async () => {
    const response = await editor.client.post('/register/', { body: snake(validSubmission('registrations', eventId)) })
    expect(response.status).toBe(403)
    expect(response.body.status).toBe('error')
  })
})

describe.each([
  ['/admin/registrations/', 'registrations'],
  ['/admin/sponsors/', 'sponsor-applications'],
  ['/admin/exhibitors/', 'exhibitor-applications'],
  ['/admin/volunteers/', 'volunteer-applications'],
] as const)('GET %s', (path, collection) => {
  it('lists newest first, 50 a page, in snake_case for staff', async () => {
    const newest = await payload.create({ collection, data: validSubmission(collection, eventId) as never })
    const response = await staff.client.get(path)
    expect(response.status).toBe(200)
    const total = (await payload.count({ collection })).totalDocs
    expect(response.body.count).toBe(total)
    expect(response.body.results.length).toBe(Math.min(50, total))
    expect(response.body.results[0].id).toBe(newest.id)
    expect(response.body.results[0]).toHaveProperty('created_at')
    expect(response.body.previous).toBeNull()
  })

  it('pages with ?page and ?page_size', async () => {
    await payload.create({ collection, data: validSubmission(collection, eventId) as never })
    await payload.create({ collection, data: validSubmission(collection, eventId) as never })
    const first = await staff.client.get(`${path}?page=1&page_size=1`)
    const second = await staff.client.get(`${path}?page=2&page_size=1`)
    expect(first.body.results).toHaveLength(1)
    expect(first.body.next).toMatch(/page=2/)
    expect(second.body.previous).toMatch(/page=1/)
    expect(second.body.results[0].id).not.toBe(first.body.results[0].id)
  })

  it('answers a page past the end with 404', async () => {
    const response = await staff.client.get(`${path}?page=100000`)
    expect(response.status).toBe(404)
    expect(response.body.errors).toEqual([{ field: 'page', message: 'Invalid page.' }])
  })

  it('is refused to anonymous visitors (401) and editors (403)', async () => {
    expect((await anonymous.get(path)).status).toBe(401)
    expect((await editor.client.get(path)).status).toBe(403)
  })

  it('is open to admins', async () => {
    expect((await (await loginAsSeededAdmin()).get(path)).status).toBe(200)
  })
})
