import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { UNREADABLE_REQUEST_MESSAGE } from '@/lib/unreadableRequest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import {
  createOpenEvent,
  errorPaths,
  initialStatus,
  SUBMISSION_SLUGS,
  type SubmissionSlug,
  validSubmission,
} from '../helpers/submissions'
import { loginAsSeededAdmin } from '../helpers/users'

let payload: Payload
let eventId: number
const anonymous = RestClient.anonymous()

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = (await createOpenEvent(payload)).id
})

const stored = (collection: SubmissionSlug, id: number) =>
  payload.findByID({ collection, id, depth: 0 }) as unknown as Promise<Record<string, unknown>>

const countWith = async (collection: SubmissionSlug, field: string, value: string) =>
  (await payload.count({ collection, where: { [field]: { equals: value } } })).totalDocs

describe.each(SUBMISSION_SLUGS)('%s posted by the public', (collection) => {
  it.each(['', 'abc', 987654])('ignores an id the client chose (%s): the database gives it', async (id) => {
    const response = await anonymous.post(`/${collection}`, { body: { ...validSubmission(collection, eventId), id } })
    expect(response.status).toBe(201)
    expect(response.body.doc.id).not.toBe(id)
  })

  it('refuses a cut-off multipart body with a 400, not a server error', async () => {
    const rawBody = '--x\r\nContent-Disposition: form-data; name="_payload"'
    const response = await anonymous.post(`/${collection}`, { rawBody, headers: { 'Content-Type': 'multipart/form-data; boundary=x' } })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toBe(UNREADABLE_REQUEST_MESSAGE)
  })

  it.each([
    ['an empty form body', '', 'application/x-www-form-urlencoded'],
    ['a JSON list', '[]', 'application/json'],
    ['a bare JSON value', '"Ada"', 'application/json'],
  ])('refuses %s with a 400 saying what to send, storing nothing', async (_, rawBody, contentType) => {
    const before = (await payload.count({ collection })).totalDocs
    const response = await anonymous.post(`/${collection}`, { rawBody, headers: { 'Content-Type': contentType } })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toBe('Send the document as a JSON object (Content-Type: application/json).')
    expect((await payload.count({ collection })).totalDocs).toBe(before)
  })

  it('accepts a valid submission in its initial status', async () => {
    const response = await anonymous.post(`/${collection}`, { body: validSubmission(collection, eventId) })
    expect(response.status).toBe(201)
    expect((await stored(collection, response.body.doc.id)).status).toBe(initialStatus(collection))
  })

  it('is answered with the event as an id, not populated, even when the client asks for depth', async () => {
    const response = await anonymous.post(`/${collection}`, { body: validSubmission(collection, eventId), query: { depth: 2 } })
    expect(response.status).toBe(201)
    expect(response.body.doc.event).toBe(eventId)
  })

  it('rejects an empty body with a field error for every required field and stores nothing', async () => {
    const before = (await payload.count({ collection })).totalDocs
    const response = await anonymous.post(`/${collection}`, { body: { event: eventId } })
    expect(response.status).toBe(400)
    const paths = errorPaths(response.body)
    const required = {
      registrations: ['firstName', 'lastName', 'email', 'phone', 'city', 'participantCategories', 'physicalEventAck'],
      'sponsor-applications': ['orgName', 'orgType', 'contactPersonName', 'contactEmail', 'contactPhone', 'sponsorTier'],
      'exhibitor-applications': [
        'businessName',
        'industryCategory',
        'businessDescription',
        'contactPersonName',
        'contactEmail',
        'contactPhone',
        'exhibitionPackage',
        'complianceDeclaration',
        'termsAgreement',
      ],
      'volunteer-applications': [
        'fullName',
        'ageRange',
        'email',
        'phone',
        'location',
        'volunteerArea',
        'availableOnEventDate',
        'briefingAvailable',
        'terms',
      ],
    }[collection]
    expect(paths).toEqual(expect.arrayContaining(required))
    expect((await payload.count({ collection })).totalDocs).toBe(before)
  })

  it('ignores review fields sent by the public', async () => {
    const response = await anonymous.post(`/${collection}`, {
      body: { ...validSubmission(collection, eventId), status: 'accepted', score: 10, reviewerNotes: 'VIP!' },
    })
    expect(response.status).toBe(201)
    const doc = await stored(collection, response.body.doc.id)
    expect(doc).toMatchObject({ status: initialStatus(collection), reviewerNotes: null })
    expect(doc.score ?? null).toBeNull()
  })

  it('created through the Local API (seeds, imports) keep the status they are given', async () => {
    const status = collection === 'registrations' ? 'confirmed' : 'accepted'
    const doc = await payload.create({ collection, data: { ...validSubmission(collection, eventId), status } as never, context: { skipEmails: true } })
    expect((await stored(collection, doc.id as number)).status).toBe(status)
  })

  it('does not echo personal data or review fields back', async () => {
    const response = await anonymous.post(`/${collection}`, { body: validSubmission(collection, eventId) })
    expect(response.status).toBe(201)
    const doc = response.body.doc
    for (const field of ['email', 'phone', 'contactEmail', 'contactPhone', 'officeAddress', 'specialRequests', 'accessibilityNeeds', 'status', 'reviewerNotes', 'assignedTo', 'score']) {
      expect(doc).not.toHaveProperty(field)
    }
  })
})

describe('registrations normalisation as the public', () => {
  it('stores the phone in E.164, the email lower-cased and names tidied', async () => {
    const body = {
      ...validSubmission('registrations', eventId),
      firstName: '  Ada   Chioma ',
      lastName: ' Okafor ',
      email: '  Ada.Okafor.NORM@Example.COM ',
      phone: '0803 123 4567',
    }
    const response = await anonymous.post('/registrations', { body })
    expect(response.status).toBe(201)
    expect(await stored('registrations', response.body.doc.id)).toMatchObject({
      firstName: 'Ada Chioma',
      lastName: 'Okafor',
      name: 'Ada Chioma Okafor',
      email: 'ada.okafor.norm@example.com',
      phone: '+2348031234567',
    })
  })

  it.each([
    ['+234 803 123 4567', '+2348031234567'],
    ['2348031234567', '+2348031234567'],
    ['(0803) 123-4567', '+2348031234567'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('reads the phone %s as %s', async (phone, e164) => {
    const response = await anonymous.post('/registrations', {
      body: { ...validSubmission('registrations', eventId), phone },
    })
    expect(response.status).toBe(201)
    expect((await stored('registrations', response.body.doc.id)).phone).toBe(e164)
  })

  it.each(['12345', '0803 123', 'call me maybe', '+234 000 000 0000'])(
    'refuses the impossible phone %s with a field error',
    async (phone) => {
      const response = await anonymous.post('/registrations', {
        body: { ...validSubmission('registrations', eventId), phone },
      })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['phone'])
    },
  )

  it.each([
    ['email', 'not-an-email', 'email'],
    ['yearsExperience', 61, 'yearsExperience'],
    ['yearsExperience', -1, 'yearsExperience'],
    ['participantCategories', ['student', 'astronaut'], 'participantCategories'],
    ['gender', 'robot', 'gender'],
    ['firstName', 'A'.repeat(61), 'firstName'],
    ['specialRequests', 'x'.repeat(1001), 'specialRequests'],
    ['physicalEventAck', false, 'physicalEventAck'],
  ])('refuses %s = %j with a field error on %s', async (field, value, path) => {
    const email = `bad-${field}-${Math.random()}@example.com`
    const response = await anonymous.post('/registrations', {
      body: { ...validSubmission('registrations', eventId), email: field === 'email' ? value : email, [field]: value },
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual([path])
    expect(await countWith('registrations', 'email', email)).toBe(0)
  })
})

describe('sponsor applications normalisation as the public', () => {
  it('adds https:// to a website typed without a scheme', async () => {
    const response = await anonymous.post('/sponsor-applications', {
      body: { ...validSubmission('sponsor-applications', eventId), website: 'otei.ng/partners' },
    })
    expect(response.status).toBe(201)
    expect((await stored('sponsor-applications', response.body.doc.id)).website).toBe('https://otei.ng/partners')
  })

  it.each(['ftp://otei.ng', 'javascript:alert(1)', 'not a website'])(
    'refuses the website %s with a field error',
    async (website) => {
      const response = await anonymous.post('/sponsor-applications', {
        body: { ...validSubmission('sponsor-applications', eventId), website },
      })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['website'])
    },
  )
})

describe('exhibitor and volunteer consents as the public', () => {
  it.each([
    ['exhibitor-applications', 'complianceDeclaration'],
    ['exhibitor-applications', 'termsAgreement'],
    ['volunteer-applications', 'terms'],
  ] as const)('%s: %s must be ticked', async (collection, consent) => {
    const body = validSubmission(collection, eventId)
    delete body[consent]
    const response = await anonymous.post(`/${collection}`, { body })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual([consent])
  })
})

describe('registrations searched by phone as staff', () => {
  it('are found by the number as people write it, whole or in part', async () => {
    const staffClient = await loginAsSeededAdmin()
    const created = await anonymous.post('/registrations', {
      body: { ...validSubmission('registrations', eventId), phone: '0809 555 1234' },
    })
    expect(created.status).toBe(201)
    for (const typed of ['0809 555 1234', '+234 809 555 1234', '0809555']) {
      const found = await staffClient.get('/registrations', {
        query: { where: { or: [{ name: { like: typed } }, { phone: { like: typed } }] } },
      })
      expect(found.status).toBe(200)
      expect(found.body.docs.map((doc: { id: number }) => doc.id)).toContain(created.body.doc.id)
    }
  })
})
