import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { tableName } from '@/db/schemaHook'
import { anonymiseExpiredEvents } from '@/jobs/tasks/anonymiseExpiredSubmissions'
import { SUBMISSION_FORMS, submissionForm } from '@/submissions'

import { runQueuedTask } from '../helpers/jobs'
import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, errorPaths, type SubmissionSlug, validSubmission } from '../helpers/submissions'
import { pdfBytes, uploadForm } from '../helpers/uploads'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let staff: TestUser
const anonymous = RestClient.anonymous()

beforeAll(async () => {
  payload = await getTestPayload()
  staff = await createUser(payload, ['staff'])
})

const unique = () => randomBytes(4).toString('hex')

const eventData = (overrides: Record<string, unknown> = {}) => ({
  name: `Retention Summit ${unique()}`,
  startsAt: '2027-05-01T08:00:00.000Z',
  endsAt: '2027-05-01T17:00:00.000Z',
  _status: 'published',
  ...overrides,
})

describe('events as staff', () => {
  it('keep personal data until 180 days after the end when no date is given', async () => {
    const response = await staff.client.post('/events', { body: eventData() })
    expect(response.status).toBe(201)
    expect(response.body.doc.retainPersonalDataUntil).toBe('2027-10-28T17:00:00.000Z')
    expect(response.body.doc.personalDataAnonymisedAt).toBeNull()
  })

  it('move the default date with the end, and keep a date they chose', async () => {
    const byDefault = (await staff.client.post('/events', { body: eventData() })).body.doc
    const chosen = (await staff.client.post('/events', { body: eventData({ retainPersonalDataUntil: '2028-01-01T00:00:00.000Z' }) })).body.doc
    const later = { endsAt: '2027-05-02T17:00:00.000Z' }

    const moved = await staff.client.patch(`/events/${byDefault.id}`, { body: later })
    const kept = await staff.client.patch(`/events/${chosen.id}`, { body: later })
    expect(moved.body.doc.retainPersonalDataUntil).toBe('2027-10-29T17:00:00.000Z')
    expect(kept.body.doc.retainPersonalDataUntil).toBe('2028-01-01T00:00:00.000Z')
  })

  it('get a field error for a date before the event ends', async () => {
    const response = await staff.client.post('/events', { body: eventData({ retainPersonalDataUntil: '2027-04-01T00:00:00.000Z' }) })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['retainPersonalDataUntil'])
    expect(response.body.errors[0].data.errors[0].message).toBe('Keep personal data at least until the event has ended.')
  })

  it('move the date in a draft, while the published event keeps its own until the draft is published', async () => {
    const { id } = (await staff.client.post('/events', { body: eventData() })).body.doc
    const draft = await staff.client.patch(`/events/${id}`, {
      query: { draft: 'true' },
      body: { endsAt: '2027-05-03T17:00:00.000Z', _status: 'draft' },
    })
    expect(draft.status).toBe(200)

    const published = await staff.client.get(`/events/${id}`)
    const latestDraft = await staff.client.get(`/events/${id}`, { query: { draft: 'true' } })
    expect(published.body.retainPersonalDataUntil).toBe('2027-10-28T17:00:00.000Z')
    expect(latestDraft.body.retainPersonalDataUntil).toBe('2027-10-30T17:00:00.000Z')
  })

  it('cannot set when the personal data was removed', async () => {
    const response = await staff.client.post('/events', { body: eventData({ personalDataAnonymisedAt: '2026-01-01T00:00:00.000Z' }) })
    expect(response.status).toBe(201)
    expect(response.body.doc.personalDataAnonymisedAt).toBeNull()
  })
})

type Row = Record<string, unknown>

const rawRows = async (collection: SubmissionSlug, event: number): Promise<Row[]> => {
  const { rows } = await payload.db.drizzle.execute(
    sql`select * from ${sql.identifier(tableName(collection))} where event_id = ${event} order by id`,
  )
  return rows as Row[]
}

const outboxCount = async (event: number): Promise<number> => {
  const { rows } = await payload.db.drizzle.execute(sql`
    select count(*)::int as count from email_outbox
    where event_id = ${event} or id in (
      select parent_id from email_outbox_rels
      where registrations_id in (select id from registrations where event_id = ${event})
        or sponsor_applications_id in (select id from sponsor_applications where event_id = ${event})
        or exhibitor_applications_id in (select id from exhibitor_applications where event_id = ${event})
        or volunteer_applications_id in (select id from volunteer_applications where event_id = ${event}))`)
  return rows[0].count as number
}

/** Every submission of the event, as staff's API reads it, oldest first. */
const submissionsOf = async (event: number) =>
  Object.fromEntries(
    await Promise.all(
      SUBMISSION_FORMS.map(async ({ slug }) => {
        const { docs } = await payload.find({ collection: slug, where: { event: { equals: event } }, sort: 'id', depth: 0, limit: 100 })
        return [slug, docs as unknown as Row[]] as const
      }),
    ),
  ) as Record<SubmissionSlug, Row[]>

/** A submission without its personal fields and updatedAt: what anonymising must leave as it was. */
const withoutPersonal = (collection: SubmissionSlug, doc: Row): Row =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => key !== 'updatedAt' && !submissionForm(collection).personal.includes(key)))

const statusCounts = (docs: Row[]) =>
  docs.reduce<Record<string, number>>((counts, doc) => ({ ...counts, [doc.status as string]: (counts[doc.status as string] ?? 0) + 1 }), {})

/** An event that ended in March 2025: its default retention date (+180 days) has passed. */
const pastEvent = () =>
  createOpenEvent(payload, { startsAt: '2025-03-01T08:00:00.000Z', endsAt: '2025-03-01T17:00:00.000Z', capacity: 1, requireEmailConfirmation: false })

/** A public submission with personal answers no other test uses, so finding one anywhere means it leaked. */
async function submit(collection: SubmissionSlug, event: number, personal: string[]): Promise<number> {
  const mark = unique()
  const body = validSubmission(collection, event)
  const traceable: Record<SubmissionSlug, Record<string, unknown>> = {
    registrations: {
      firstName: `Adaeze${mark}`,
      lastName: `Okafor${mark}`,
      city: `Ilorin${mark}`,
      organizationName: `Lautech${mark}`,
      role: `Founder${mark}`,
      hearAbout: `My friend Chidi${mark}`,
      specialRequests: `Halal meal${mark}`,
      accessibilityNeeds: `Wheelchair${mark}`,
    },
    'sponsor-applications': { officeAddress: `12 Akin Road ${mark}`, contactPersonName: `Tunde${mark}`, jobTitle: `Head${mark}` },
    'exhibitor-applications': { contactPersonName: `Kemi${mark}` },
    'volunteer-applications': { fullName: `Bola${mark}`, location: `Oyo${mark}`, skills: `First aid${mark}`, motivation: `Give back${mark}` },
  }
  Object.assign(body, traceable[collection])
  const response = await anonymous.post(`/${collection}`, { body })
  expect(response.status).toBe(201)
  // Every form's phone in validSubmission is this number, typed in different ways.
  personal.push(...(Object.values(traceable[collection]) as string[]), body[submissionForm(collection).contact.email] as string, '+2348031234567')
  return response.body.doc.id
}

const runAnonymisation = async () => {
  await payload.jobs.queue({ task: 'anonymiseExpiredSubmissions', input: {} })
  await runQueuedTask(payload, 'anonymiseExpiredSubmissions')
}

describe('the daily anonymisation, for an event past its retention date', () => {
  let event: number
  let otherEvent: number
  const personal: string[] = []
  let before: Record<SubmissionSlug, Row[]>
  let otherBefore: Row[]
  let otherOutboxBefore: number

  beforeAll(async () => {
    event = (await pastEvent()).id
    const registrations = []
    for (let i = 0; i < 4; i++) registrations.push(await submit('registrations', event, personal))
    await payload.update({ collection: 'registrations', id: registrations[3], data: { status: 'cancelled' } })
    const notes = `Called her mother ${unique()}`
    personal.push(notes)
    expect((await staff.client.patch(`/registrations/${registrations[0]}`, { body: { reviewerNotes: notes } })).status).toBe(200)
    await submit('sponsor-applications', event, personal)
    await submit('exhibitor-applications', event, personal)
    await submit('volunteer-applications', event, personal)
    await submit('volunteer-applications', event, personal)

    otherEvent = (await createOpenEvent(payload)).id
    await submit('registrations', otherEvent, [])
    // Staff were part-way through an edit when the job ran.
    const draft = await staff.client.patch(`/events/${event}`, { query: { draft: 'true' }, body: { venue: 'Main hall', _status: 'draft' } })
    expect(draft.status).toBe(200)

    before = await submissionsOf(event)
    otherBefore = await rawRows('registrations', otherEvent)
    otherOutboxBefore = await outboxCount(otherEvent)
    expect(otherOutboxBefore).toBeGreaterThan(0)
    expect(await outboxCount(event)).toBeGreaterThan(0)
    await runAnonymisation()
  })

  it('leaves no name, email, phone or free text in its submissions, and deletes their outbox emails', async () => {
    const stored = JSON.stringify(await Promise.all(SUBMISSION_FORMS.map(({ slug }) => rawRows(slug, event))))
    for (const value of personal) expect(stored).not.toContain(value)
    expect(await outboxCount(event)).toBe(0)
  })

  it('puts placeholders where a value is required and empties the rest', async () => {
    const [registration] = (await submissionsOf(event)).registrations
    expect(registration).toMatchObject({
      firstName: 'Anonymised',
      lastName: 'Anonymised',
      name: 'Anonymised',
      email: `anonymised-${registration.id}@anonymised.invalid`,
      phone: '+2348000000000',
      city: 'Anonymised',
      organizationName: null,
      role: null,
      hearAbout: null,
      specialRequests: null,
      accessibilityNeeds: null,
      reviewerNotes: null,
    })
  })

  it('keeps the counts per status and every answer that is not personal', async () => {
    const after = await submissionsOf(event)
    expect(statusCounts(after.registrations)).toEqual({ confirmed: 1, waitlisted: 2, cancelled: 1 })
    for (const { slug } of SUBMISSION_FORMS) {
      expect(statusCounts(after[slug])).toEqual(statusCounts(before[slug]))
      expect(after[slug].map((doc) => withoutPersonal(slug, doc))).toEqual(before[slug].map((doc) => withoutPersonal(slug, doc)))
    }
    expect(after.registrations[0]).toMatchObject({ participantCategories: ['student', 'developer'], gender: 'female', yearsExperience: 2 })
    expect(after['sponsor-applications'][0]).toMatchObject({ orgName: 'Paystack', sponsorTier: 'gold' })
  })

  it('leaves an event not yet past its date untouched', async () => {
    expect(await rawRows('registrations', otherEvent)).toEqual(otherBefore)
    expect(await outboxCount(otherEvent)).toBe(otherOutboxBefore)
    const other = await staff.client.get(`/events/${otherEvent}`)
    expect(other.body.personalDataAnonymisedAt).toBeNull()
  })

  it('shows staff on the event when the personal data was removed', async () => {
    const response = await staff.client.get(`/events/${event}`)
    expect(response.status).toBe(200)
    expect(Date.now() - new Date(response.body.personalDataAnonymisedAt).getTime()).toBeLessThan(10 * 60_000)
  })

  it('keeps that record when staff publish a draft they saved before it ran', async () => {
    const stamped = (await staff.client.get(`/events/${event}`)).body.personalDataAnonymisedAt
    const published = await staff.client.patch(`/events/${event}`, { body: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect(published.body.doc).toMatchObject({ venue: 'Main hall', personalDataAnonymisedAt: stamped })
  })

  it('changes nothing when it runs again', async () => {
    const rows = await Promise.all(SUBMISSION_FORMS.map(({ slug }) => rawRows(slug, event)))
    const stamped = (await staff.client.get(`/events/${event}`)).body.personalDataAnonymisedAt
    await runAnonymisation()
    expect(await Promise.all(SUBMISSION_FORMS.map(({ slug }) => rawRows(slug, event)))).toEqual(rows)
    expect((await staff.client.get(`/events/${event}`)).body.personalDataAnonymisedAt).toBe(stamped)
  })

  it.each(SUBMISSION_FORMS.map(({ slug }) => slug))('keeps a %s openable and savable by staff', async (collection) => {
    const [{ id }] = (await submissionsOf(event))[collection]
    const opened = await staff.client.get(`/${collection}/${id}`)
    expect(opened.status).toBe(200)
    expect(opened.body[submissionForm(collection).contact.email]).toBe(`anonymised-${id}@anonymised.invalid`)
    const saved = await staff.client.patch(`/${collection}/${id}`, { body: { score: 7 } })
    expect(saved.status).toBe(200)
  })
})

describe('the daily anonymisation, for a sponsor deck sent to an event past its retention date', () => {
  it('deletes the deck and its file, and keeps the anonymised application', async () => {
    const event = (await pastEvent()).id
    const applied = await anonymous.post('/sponsor-applications', {
      form: uploadForm(validSubmission('sponsor-applications', event), 'deck', { bytes: pdfBytes(), name: 'deck.pdf', type: 'application/pdf' }),
    })
    expect(applied.status).toBe(201)
    const [deck] = (await payload.find({ collection: 'sponsor-decks', where: { application: { equals: applied.body.doc.id } } })).docs
    const file = path.resolve('.data/sponsor-decks', deck.filename!)
    expect(existsSync(file)).toBe(true)

    await runAnonymisation()
    expect((await payload.count({ collection: 'sponsor-decks', where: { id: { equals: deck.id } } })).totalDocs).toBe(0)
    expect(existsSync(file)).toBe(false)
    const application = await staff.client.get(`/sponsor-applications/${applied.body.doc.id}`)
    expect(application.body).toMatchObject({ contactPersonName: 'Anonymised', deck: { docs: [] } })
  })
})

describe('the anonymisation of due events, for the audit log', () => {
  it('reports each event with its counts per collection and the outbox emails deleted, and records it', async () => {
    const event = (await pastEvent()).id
    await submit('registrations', event, [])
    await submit('registrations', event, [])
    await submit('volunteer-applications', event, [])
    const emails = await outboxCount(event)

    const report = await anonymiseExpiredEvents(await createLocalReq({}, payload))
    expect(report).toEqual([
      {
        event,
        submissions: { registrations: 2, 'sponsor-applications': 0, 'exhibitor-applications': 0, 'volunteer-applications': 1 },
        outboxEmails: emails,
        files: 0,
      },
    ])
    const entries = await payload.find({ collection: 'audit-log', where: { action: { equals: 'anonymise' }, documentId: { equals: String(event) } }, depth: 0 })
    expect(entries.docs).toEqual([expect.objectContaining({ collection: 'events', detail: report[0] })])
  })
})
