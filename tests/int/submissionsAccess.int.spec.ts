import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import {
  createOpenEvent,
  initialStatus,
  reviewedStatus,
  SUBMISSION_SLUGS,
  type SubmissionSlug,
  validSubmission,
} from '../helpers/submissions'
import { createUser, loginAsSeededAdmin } from '../helpers/users'

type Actor = 'anonymous' | 'editor' | 'staff' | 'admin'
type Operation = 'create' | 'read' | 'update' | 'delete'

/** Who may do what to submissions: the rule this file checks, row by row. */
const ALLOWED: Record<Actor, Record<Operation, boolean>> = {
  anonymous: { create: true, read: false, update: false, delete: false },
  editor: { create: false, read: false, update: false, delete: false },
  staff: { create: true, read: true, update: true, delete: false },
  admin: { create: true, read: true, update: true, delete: true },
}

const GRAPHQL_NAMES: Record<SubmissionSlug, { singular: string; plural: string }> = {
  registrations: { singular: 'Registration', plural: 'Registrations' },
  'sponsor-applications': { singular: 'SponsorApplication', plural: 'SponsorApplications' },
  'exhibitor-applications': { singular: 'ExhibitorApplication', plural: 'ExhibitorApplications' },
  'volunteer-applications': { singular: 'VolunteerApplication', plural: 'VolunteerApplications' },
}

const SELECT_FIELDS = new Set([
  'gender',
  'participantCategories',
  'interestAreas',
  'orgType',
  'sponsorTier',
  'sponsorBudget',
  'interests',
  'industryCategory',
  'exhibitionPackage',
  'ageRange',
  'volunteerArea',
  'availableOnEventDate',
  'briefingAvailable',
])

/** GraphQL spells choice values as enum names: "ai-ml" is ai_ml, "18-24" is _18_24. */
const toEnumName = (value: string) => (/^\d/.test(value) ? `_${value}` : value).replace(/[-/.]/g, '_')
const asGraphQLInput = (body: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      !SELECT_FIELDS.has(key) ? value : Array.isArray(value) ? value.map(toEnumName) : toEnumName(value as string),
    ]),
  )

let payload: Payload
let eventId: number
const clients = {} as Record<Actor, RestClient>

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = (await createOpenEvent(payload)).id
  clients.anonymous = RestClient.anonymous()
  clients.editor = (await createUser(payload, ['editor'])).client
  clients.staff = (await createUser(payload, ['staff'])).client
  clients.admin = await loginAsSeededAdmin()
})

/** A stored submission to read, update or delete, made through the Local API. */
const seedSubmission = async (collection: SubmissionSlug) =>
  (await payload.create({ collection, data: validSubmission(collection, eventId) as never })).id

const actors = Object.keys(ALLOWED) as Actor[]
const cases = SUBMISSION_SLUGS.flatMap((collection) => actors.map((actor) => [collection, actor] as const))

describe.each(cases)('%s over REST as %s', (collection, actor) => {
  const allowed = ALLOWED[actor]

  it(`${allowed.create ? 'can' : 'cannot'} create`, async () => {
    const response = await clients[actor].post(`/${collection}`, { body: validSubmission(collection, eventId) })
    expect(response.status).toBe(allowed.create ? 201 : 403)
  })

  it(`${allowed.read ? 'can' : 'cannot'} list and read, personal data included`, async () => {
    const id = await seedSubmission(collection)
    const list = await clients[actor].get(`/${collection}`)
    const one = await clients[actor].get(`/${collection}/${id}`)
    expect(list.status).toBe(allowed.read ? 200 : 403)
    expect(one.status).toBe(allowed.read ? 200 : 403)
    if (allowed.read) {
      const emailField = collection === 'sponsor-applications' || collection === 'exhibitor-applications' ? 'contactEmail' : 'email'
      expect(one.body[emailField]).toMatch(/@example\.com$/)
      expect(one.body.status).toBe(initialStatus(collection))
    }
  })

  it(`${allowed.update ? 'can' : 'cannot'} update the review status`, async () => {
    const id = await seedSubmission(collection)
    const response = await clients[actor].patch(`/${collection}/${id}`, { body: { status: reviewedStatus(collection) } })
    expect(response.status).toBe(allowed.update ? 200 : 403)
    const doc = await payload.findByID({ collection, id })
    expect(doc.status).toBe(allowed.update ? reviewedStatus(collection) : initialStatus(collection))
  })

  it(`${allowed.delete ? 'can' : 'cannot'} delete`, async () => {
    const id = await seedSubmission(collection)
    const response = await clients[actor].delete(`/${collection}/${id}`)
    expect(response.status).toBe(allowed.delete ? 200 : 403)
    const left = await payload.count({ collection, where: { id: { equals: id } } })
    expect(left.totalDocs).toBe(allowed.delete ? 0 : 1)
  })
})

describe.each(cases)('%s over GraphQL as %s', (collection, actor) => {
  const allowed = ALLOWED[actor]
  const { singular, plural } = GRAPHQL_NAMES[collection]
  const emailField = collection === 'sponsor-applications' || collection === 'exhibitor-applications' ? 'contactEmail' : 'email'

  it(`${allowed.create ? 'can' : 'cannot'} create`, async () => {
    const response = await clients[actor].graphql(
      `mutation ($data: mutation${singular}Input!) { create${singular}(data: $data) { id } }`,
      { data: asGraphQLInput(validSubmission(collection, eventId)) },
    )
    expect(response.status).toBe(200)
    if (allowed.create) {
      expect(response.body.errors).toBeUndefined()
      expect(response.body.data[`create${singular}`].id).toEqual(expect.any(Number))
    } else {
      expect(response.body.errors[0].extensions.statusCode).toBe(403)
    }
  })

  it(`${allowed.read ? 'can' : 'cannot'} list with personal data`, async () => {
    await seedSubmission(collection)
    const response = await clients[actor].graphql(`{ ${plural}(limit: 5) { docs { id ${emailField} status } } }`)
    if (allowed.read) {
      expect(response.body.errors).toBeUndefined()
      const docs = response.body.data[plural].docs
      expect(docs.length).toBeGreaterThan(0)
      expect(docs[0][emailField]).toMatch(/@example\.com$/)
    } else {
      expect(response.body.errors[0].extensions.statusCode).toBe(403)
    }
  })

  it(`${allowed.update ? 'can' : 'cannot'} update the review status`, async () => {
    const id = await seedSubmission(collection)
    const response = await clients[actor].graphql(
      `mutation ($id: Int!) { update${singular}(id: $id, data: { status: ${reviewedStatus(collection).replace('-', '_')} }) { id } }`,
      { id },
    )
    if (!allowed.update) expect(response.body.errors[0].extensions.statusCode).toBe(403)
    expect((await payload.findByID({ collection, id })).status).toBe(allowed.update ? reviewedStatus(collection) : initialStatus(collection))
  })

  it(`${allowed.delete ? 'can' : 'cannot'} delete`, async () => {
    const id = await seedSubmission(collection)
    const response = await clients[actor].graphql(`mutation ($id: Int!) { delete${singular}(id: $id) { id } }`, { id })
    if (!allowed.delete) expect(response.body.errors[0].extensions.statusCode).toBe(403)
    const left = await payload.count({ collection, where: { id: { equals: id } } })
    expect(left.totalDocs).toBe(allowed.delete ? 0 : 1)
  })
})

describe('registrations created over GraphQL by the public', () => {
  it('return no personal data in the mutation result', async () => {
    const response = await clients.anonymous.graphql(
      'mutation ($data: mutationRegistrationInput!) { createRegistration(data: $data) { id firstName email phone } }',
      { data: asGraphQLInput(validSubmission('registrations', eventId)) },
    )
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.createRegistration).toMatchObject({ firstName: 'Ada', email: null, phone: null })
  })
})

describe('registrations assigned for review as staff', () => {
  it('take a staff member as reviewer and refuse an editor with a field error', async () => {
    const reviewer = await createUser(payload, ['staff'])
    const editorUser = await createUser(payload, ['editor'])
    const id = await seedSubmission('registrations')
    const assigned = await clients.staff.patch(`/registrations/${id}`, { body: { assignedTo: reviewer.id } })
    expect(assigned.status).toBe(200)
    const refused = await clients.staff.patch(`/registrations/${id}`, { body: { assignedTo: editorUser.id } })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'assignedTo', message: 'Assign a staff member or admin.' }),
    ])
  })
})
