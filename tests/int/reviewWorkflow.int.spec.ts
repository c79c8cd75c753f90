import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { APPLICATION_STATUSES, REGISTRATION_STATUSES } from '@/lib/choices'
import { APPLICATION_WORKFLOW, REGISTRATION_WORKFLOW } from '@/submissions/workflow/workflows'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { createUser, type TestUser } from '../helpers/users'

const APPLICATIONS = ['sponsor-applications', 'exhibitor-applications', 'volunteer-applications'] as const
type Application = (typeof APPLICATIONS)[number]

let payload: Payload
let eventId: number
let staff: TestUser
let otherStaff: TestUser

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = (await createOpenEvent(payload)).id
  staff = await createUser(payload, ['staff'])
  otherStaff = await createUser(payload, ['staff'])
})

/** An application already in `status`, as staff (or an import) would have left it. */
async function applicationIn(collection: Application, status: string): Promise<number> {
  const doc = await payload.create({
    collection,
    data: { ...validSubmission(collection, eventId), status } as never,
    context: { skipEmails: true },
  })
  return doc.id
}

const emailsAbout = async (collection: Application, id: number, template?: string) =>
  (
    await payload.count({
      collection: 'email-outbox',
      where: { and: [{ 'submission.value': { equals: id } }, { 'submission.relationTo': { equals: collection } }, ...(template ? [{ template: { equals: template } }] : [])] },
    })
  ).totalDocs

const statusOf = async (collection: Application, id: number) => (await payload.findByID({ collection, id })).status

const label = (value: string) => APPLICATION_STATUSES.find((status) => status.value === value)!.label
const VALUES = APPLICATION_STATUSES.map((status) => status.value)
const next = (from: string): readonly string[] => (APPLICATION_WORKFLOW.next as Record<string, readonly string[] | undefined>)[from] ?? []

describe.each(APPLICATIONS)('%s: status changes by staff over REST', (collection) => {
  const pairs = VALUES.flatMap((from) => VALUES.filter((to) => to !== from).map((to) => [from, to] as const))

  it.each(pairs)('from %s to %s: allowed only along the workflow', async (from, to) => {
    const id = await applicationIn(collection, from)
    const response = await staff.client.patch(`/${collection}/${id}`, { body: { status: to } })
    if (next(from).includes(to)) {
      expect(response.status).toBe(200)
      expect(await statusOf(collection, id)).toBe(to)
      return
    }
    expect(response.status).toBe(400)
    const [error] = response.body.errors[0].data.errors
    expect(error.path).toBe('status')
    expect(error.message).toContain(`from ${label(from)} to ${label(to)}`)
    for (const allowed of next(from)) expect(error.message).toContain(label(allowed))
    if (!next(from).length) expect(error.message).toContain('final')
    expect(await statusOf(collection, id)).toBe(from)
  })
})

describe('registrations: status changes by staff over REST', () => {
  const values = REGISTRATION_STATUSES.map((status) => status.value)
  const allowedFrom = (from: string): readonly string[] => (REGISTRATION_WORKFLOW.next as Record<string, readonly string[] | undefined>)[from] ?? []
  const pairs = values.flatMap((from) => values.filter((to) => to !== from).map((to) => [from, to] as const))

  it.each(pairs)('from %s to %s: allowed only along the workflow', async (from, to) => {
    const { id } = await payload.create({
      collection: 'registrations',
      data: { ...validSubmission('registrations', eventId), status: from } as never,
      context: { skipEmails: true },
    })
    const response = await staff.client.patch(`/registrations/${id}`, { body: { status: to } })
    const stored = (await payload.findByID({ collection: 'registrations', id })).status
    if (allowedFrom(from).includes(to)) {
      expect(response.status).toBe(200)
      expect(stored).toBe(to)
      return
    }
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'status' })])
    expect(stored).toBe(from)
  })
})

describe('a refused status change', () => {
  it('is refused over GraphQL too, naming the next statuses', async () => {
    const id = await applicationIn('sponsor-applications', 'submitted')
    const response = await staff.client.graphql(`mutation ($id: Int!) { updateSponsorApplication(id: $id, data: { status: accepted }) { id status } }`, { id })
    expect(response.body.errors[0].message).toMatch(/status/)
    expect(JSON.stringify(response.body.errors[0])).toContain('Under review')
    expect(await statusOf('sponsor-applications', id)).toBe('submitted')
  })

  it('is refused through the Local API with overrideAccess: false', async () => {
    const id = await applicationIn('volunteer-applications', 'rejected')
    const user = await payload.findByID({ collection: 'users', id: staff.id })
    await expect(
      payload.update({ collection: 'volunteer-applications', id, data: { status: 'accepted' }, overrideAccess: false, user: { ...user, collection: 'users' } }),
    ).rejects.toThrow(/status/)
    expect(await statusOf('volunteer-applications', id)).toBe('rejected')
  })
})

describe('a decision', () => {
  it('records when and by whom, which no client can write', async () => {
    const id = await applicationIn('exhibitor-applications', 'under-review')
    const forged = { decidedAt: '2020-01-01T00:00:00.000Z', decidedBy: otherStaff.id }
    expect((await staff.client.patch(`/exhibitor-applications/${id}`, { body: { reviewerNotes: 'ok', ...forged } })).status).toBe(200)
    let doc = await payload.findByID({ collection: 'exhibitor-applications', id, depth: 0 })
    expect(doc.decidedAt ?? null).toBeNull()
    expect(doc.decidedBy ?? null).toBeNull()

    const before = Date.now()
    expect((await staff.client.patch(`/exhibitor-applications/${id}`, { body: { status: 'accepted', ...forged } })).status).toBe(200)
    doc = await payload.findByID({ collection: 'exhibitor-applications', id, depth: 0 })
    expect(doc.decidedBy).toBe(staff.id)
    expect(new Date(doc.decidedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)

    const created = await staff.client.post('/exhibitor-applications', { body: { ...validSubmission('exhibitor-applications', eventId), ...forged } })
    expect(created.status).toBe(201)
    const walkIn = await payload.findByID({ collection: 'exhibitor-applications', id: created.body.doc.id, depth: 0 })
    expect(walkIn.decidedAt ?? null).toBeNull()
    expect(walkIn.decidedBy ?? null).toBeNull()
  })

  it('queues its email once, however often the document is saved again', async () => {
    const id = await applicationIn('sponsor-applications', 'under-review')
    const path = `/sponsor-applications/${id}`
    expect((await staff.client.patch(path, { body: { status: 'waitlisted' } })).status).toBe(200)
    expect((await staff.client.patch(path, { body: { status: 'waitlisted', score: 7 } })).status).toBe(200)
    expect((await staff.client.patch(path, { body: { reviewerNotes: 'Maybe next year' } })).status).toBe(200)
    expect(await emailsAbout('sponsor-applications', id, 'application-waitlisted')).toBe(1)
    expect((await staff.client.patch(path, { body: { status: 'accepted' } })).status).toBe(200)
    expect(await emailsAbout('sponsor-applications', id, 'application-accepted')).toBe(1)
    expect(await emailsAbout('sponsor-applications', id)).toBe(2)
  })

  it('saved by two staff at the same moment queues one email, every time', async () => {
    for (let round = 0; round < 10; round++) {
      const id = await applicationIn('volunteer-applications', 'under-review')
      const path = `/volunteer-applications/${id}`
      const answers = await Promise.all([staff, otherStaff].map((user) => user.client.patch(path, { body: { status: 'accepted' } })))
      expect(answers.map((answer) => answer.status)).toEqual([200, 200])
      expect(await emailsAbout('volunteer-applications', id, 'application-accepted')).toBe(1)
    }
  })
})

describe('many applications at once (the list view\'s bulk edit)', () => {
  it('changes each along the workflow with one email each, and leaves the ones it refuses', async () => {
    const ready = await Promise.all([1, 2, 3].map(() => applicationIn('sponsor-applications', 'under-review')))
    const notYet = await applicationIn('sponsor-applications', 'submitted')
    const ids = [...ready, notYet]
    const response = await staff.client.patch('/sponsor-applications', {
      query: { where: { id: { in: ids } } },
      body: { status: 'accepted' },
    })
    expect(response.body.docs.map((doc: { id: number }) => doc.id).sort()).toEqual([...ready].sort())
    expect(response.body.errors).toEqual([expect.objectContaining({ id: notYet, message: expect.stringMatching(/status/) })])
    for (const id of ready) {
      expect(await statusOf('sponsor-applications', id)).toBe('accepted')
      expect(await emailsAbout('sponsor-applications', id, 'application-accepted')).toBe(1)
    }
    expect(await statusOf('sponsor-applications', notYet)).toBe('submitted')
    expect(await emailsAbout('sponsor-applications', notYet)).toBe(0)
  })
})

describe('review fields', () => {
  it('are not writable by the public, and the status not either', async () => {
    const response = await RestClient.anonymous().post('/volunteer-applications', {
      body: { ...validSubmission('volunteer-applications', eventId), status: 'accepted', decidedBy: staff.id },
    })
    expect(response.status).toBe(201)
    const doc = await payload.findByID({ collection: 'volunteer-applications', id: response.body.doc.id, depth: 0 })
    expect(doc.status).toBe('submitted')
    expect(doc.decidedBy ?? null).toBeNull()
  })
})
