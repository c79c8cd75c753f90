import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  CONTENT_GRAPHQL_NAMES,
  CONTENT_SLUGS,
  type ContentSlug,
  contentData,
  createContentEvent,
  storeContent,
  titleField,
} from '../helpers/content'
import { runQueuedTask } from '../helpers/jobs'
import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { createUser, loginAsSeededAdmin, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

type Actor = 'anonymous' | 'editor' | 'staff' | 'admin'

/** Who may do what to event content: editors and admins write, the team reads drafts, the public published documents. */
const ALLOWED: Record<Actor, { write: boolean; readDrafts: boolean }> = {
  anonymous: { write: false, readDrafts: false },
  editor: { write: true, readDrafts: true },
  staff: { write: false, readDrafts: true },
  admin: { write: true, readDrafts: true },
}
const actors = Object.keys(ALLOWED) as Actor[]
const cases = CONTENT_SLUGS.flatMap((slug) => actors.map((actor) => [slug, actor] as const))

let payload: Payload
let eventId: number
let editor: TestUser
const clients = {} as Record<Actor, RestClient>

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = await createContentEvent(payload)
  editor = await createUser(payload, ['editor'])
  clients.anonymous = RestClient.anonymous()
  clients.editor = editor.client
  clients.staff = (await createUser(payload, ['staff'])).client
  clients.admin = await loginAsSeededAdmin()
})

const titlesOf = (slug: ContentSlug, docs: Record<string, unknown>[]) => docs.map((doc) => doc[titleField(slug)])

describe.each(cases)('%s over REST as %s', (slug, actor) => {
  const { write, readDrafts } = ALLOWED[actor]

  it(`${write ? 'can' : 'cannot'} create and publish`, async () => {
    const response = await clients[actor].post(`/${slug}`, { body: { ...contentData(slug, eventId), _status: 'published' } })
    expect(response.status).toBe(write ? 201 : 403)
    if (write) expect(response.body.doc._status).toBe('published')
  })

  it(`lists published documents${readDrafts ? ' and drafts' : ', not drafts, even asking for drafts'}`, async () => {
    const published = `Published ${slug} ${actor}`
    const draft = `Draft ${slug} ${actor}`
    await storeContent(payload, slug, eventId, { title: published })
    await storeContent(payload, slug, eventId, { title: draft, status: 'draft' })
    const list = await clients[actor].get(`/${slug}`, { query: { where: { event: { equals: eventId } }, limit: 100, draft: 'true' } })
    expect(list.status).toBe(200)
    expect(titlesOf(slug, list.body.docs)).toContain(published)
    expect(titlesOf(slug, list.body.docs).includes(draft)).toBe(readDrafts)
  })

  it(`${readDrafts ? 'can' : 'cannot'} open a draft by id`, async () => {
    const id = await storeContent(payload, slug, eventId, { status: 'draft' })
    const response = await clients[actor].get(`/${slug}/${id}`, { query: { draft: 'true' } })
    expect(response.status).toBe(readDrafts ? 200 : 404)
  })

  it(`${readDrafts ? 'sees' : 'never sees'} unpublished changes of a published document`, async () => {
    const id = await storeContent(payload, slug, eventId, { title: `Live ${slug} ${actor}` })
    await payload.update({ collection: slug, id, data: { [titleField(slug)]: `Unpublished change ${actor}` }, draft: true })
    const response = await clients[actor].get(`/${slug}/${id}`, { query: { draft: 'true' } })
    expect(response.status).toBe(200)
    expect(response.body[titleField(slug)]).toBe(readDrafts ? `Unpublished change ${actor}` : `Live ${slug} ${actor}`)
    const list = await clients[actor].get(`/${slug}`, { query: { where: { id: { equals: id } }, draft: 'true' } })
    expect(titlesOf(slug, list.body.docs)).toEqual([readDrafts ? `Unpublished change ${actor}` : `Live ${slug} ${actor}`])
  })

  it(`${readDrafts ? 'can' : 'cannot'} read the version history`, async () => {
    const id = await storeContent(payload, slug, eventId)
    const response = await clients[actor].get(`/${slug}/versions`, { query: { where: { parent: { equals: id } } } })
    expect(response.status).toBe(readDrafts ? 200 : 403)
    if (readDrafts) expect(response.body.totalDocs).toBeGreaterThan(0)
  })

  it(`${write ? 'can' : 'cannot'} update`, async () => {
    const id = await storeContent(payload, slug, eventId, { title: `Before ${actor}` })
    const response = await clients[actor].patch(`/${slug}/${id}`, { body: { [titleField(slug)]: `After ${actor}` } })
    expect(response.status).toBe(write ? 200 : 403)
    const stored = await payload.findByID({ collection: slug, id, draft: true })
    expect((stored as unknown as Record<string, unknown>)[titleField(slug)]).toBe(write ? `After ${actor}` : `Before ${actor}`)
  })

  it(`${write ? 'can' : 'cannot'} delete`, async () => {
    const id = await storeContent(payload, slug, eventId)
    const response = await clients[actor].delete(`/${slug}/${id}`)
    expect(response.status).toBe(write ? 200 : 403)
    expect((await payload.count({ collection: slug, where: { id: { equals: id } } })).totalDocs).toBe(write ? 0 : 1)
  })
})

describe.each(cases)('%s over GraphQL as %s', (slug, actor) => {
  const { write, readDrafts } = ALLOWED[actor]
  const { singular, plural, title } = CONTENT_GRAPHQL_NAMES[slug]

  it(`lists published documents${readDrafts ? ' and drafts' : ', not drafts'}`, async () => {
    const published = `GraphQL published ${slug} ${actor}`
    const draft = `GraphQL draft ${slug} ${actor}`
    await storeContent(payload, slug, eventId, { title: published })
    await storeContent(payload, slug, eventId, { title: draft, status: 'draft' })
    const response = await clients[actor].graphql(
      `query ($event: JSON) { ${plural}(where: { event: { equals: $event } }, limit: 100, draft: true) { docs { ${title} } } }`,
      { event: eventId },
    )
    expect(response.body.errors).toBeUndefined()
    const titles = response.body.data[plural].docs.map((doc: Record<string, string>) => doc[title])
    expect(titles).toContain(published)
    expect(titles.includes(draft)).toBe(readDrafts)
  })

  it(`${readDrafts ? 'can' : 'cannot'} read versions`, async () => {
    await storeContent(payload, slug, eventId)
    const response = await clients[actor].graphql(`{ versions${plural}(limit: 1) { totalDocs } }`)
    if (readDrafts) expect(response.body.errors).toBeUndefined()
    else expect(response.body.errors[0].extensions.statusCode).toBe(403)
  })

  it(`${write ? 'can' : 'cannot'} delete`, async () => {
    const id = await storeContent(payload, slug, eventId)
    const response = await clients[actor].graphql(`mutation ($id: Int!) { delete${singular}(id: $id) { id } }`, { id })
    if (!write) expect(response.body.errors[0].extensions.statusCode).toBe(403)
    expect((await payload.count({ collection: slug, where: { id: { equals: id } } })).totalDocs).toBe(write ? 0 : 1)
  })
})

describe('sessions restored from a version by an editor', () => {
  it('go back to the restored title', async () => {
    const id = await storeContent(payload, 'sessions', eventId, { title: 'First title' })
    await clients.editor.patch(`/sessions/${id}`, { body: { title: 'Second title' } })
    const versions = await clients.editor.get('/sessions/versions', { query: { where: { parent: { equals: id } }, sort: 'createdAt' } })
    const first = versions.body.docs.find((version: { version: { title: string } }) => version.version.title === 'First title')
    const restored = await clients.editor.post(`/sessions/versions/${first.id}`)
    expect(restored.status).toBe(200)
    expect((await clients.anonymous.get(`/sessions/${id}`)).body.title).toBe('First title')
  })
})

describe('sessions scheduled for publication by an editor', () => {
  it('stay hidden from the public until the job runner publishes them at the chosen time', async () => {
    const draft = await clients.editor.post('/sessions?draft=true', { body: contentData('sessions', eventId, 'Surprise keynote') })
    expect(draft.status).toBe(201)
    const id = draft.body.doc.id
    // What the admin's "Schedule" button does (@payloadcms/ui schedulePublishHandler): a
    // schedulePublish job on the default queue, acting as the editor who scheduled it.
    const publishAt = new Date(Date.now() + 1500)
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'sessions', value: id }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: publishAt,
    })
    expect(job.queue).toBe('default')

    await runQueuedTask(payload, 'schedulePublish')
    expect((await clients.anonymous.get(`/sessions/${id}`)).status).toBe(404)

    // The worker's runner runs the 'default' queue (src/jobs autoRun); runQueuedTask runs it too.
    const published = await waitFor('the scheduled session to be published', async () => {
      await runQueuedTask(payload, 'schedulePublish')
      const response = await clients.anonymous.get(`/sessions/${id}`)
      return response.status === 200 ? response : undefined
    }, { timeoutMs: 20_000 })
    expect(published.body).toMatchObject({ title: 'Surprise keynote', _status: 'published' })
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime())
  })
})

describe('changes to a published session scheduled by an editor', () => {
  it('go live when the job runs, the published text staying until then', async () => {
    const id = await storeContent(payload, 'sessions', eventId, { title: 'Announced title' })
    const change = await clients.editor.patch(`/sessions/${id}?draft=true`, { body: { title: 'Revised title' } })
    expect(change.status).toBe(200)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'sessions', value: id }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: new Date(Date.now() + 1000),
    })
    expect((await clients.anonymous.get(`/sessions/${id}`)).body.title).toBe('Announced title')
    const published = await waitFor('the scheduled change to be published', async () => {
      await runQueuedTask(payload, 'schedulePublish')
      const response = await clients.anonymous.get(`/sessions/${id}`)
      return response.body.title === 'Revised title' ? response : undefined
    }, { timeoutMs: 20_000 })
    expect(published.body._status).toBe('published')
  })
})

describe('partners linked by an admin to their application', () => {
  let applicationId: number
  let partnerId: number

  beforeAll(async () => {
    const event = await createOpenEvent(payload)
    const application = await payload.create({
      collection: 'sponsor-applications',
      data: { ...validSubmission('sponsor-applications', event.id), status: 'accepted' } as never,
      context: { skipEmails: true },
    })
    applicationId = application.id
    partnerId = await storeContent(payload, 'partners', event.id)
    // Staff read content but do not edit it: admins, who do both, make the link.
    const linked = await clients.admin.patch(`/partners/${partnerId}`, {
      body: { application: { relationTo: 'sponsor-applications', value: applicationId } },
    })
    expect(linked.status).toBe(200)
  })

  it('show the link to staff', async () => {
    const response = await clients.staff.get(`/partners/${partnerId}`, { query: { depth: 0 } })
    expect(response.body.application).toEqual({ relationTo: 'sponsor-applications', value: applicationId })
  })

  it.each(['anonymous', 'editor'] as const)('hide the link from %s, over REST and GraphQL', async (actor) => {
    const rest = await clients[actor].get(`/partners/${partnerId}`, { query: { depth: 1 } })
    expect(rest.status).toBe(200)
    expect(rest.body).not.toHaveProperty('application')
    const graphql = await clients[actor].graphql(`{ Partner(id: ${partnerId}) { name application { relationTo } } }`)
    expect(graphql.body.data.Partner.application).toBeNull()
  })

  it('cannot be relinked by an editor', async () => {
    const response = await clients.editor.patch(`/partners/${partnerId}`, { body: { application: null } })
    expect(response.status).toBe(200)
    const stored = await payload.findByID({ collection: 'partners', id: partnerId, depth: 0 })
    expect(stored.application).toEqual({ relationTo: 'sponsor-applications', value: applicationId })
  })

  it('refuse an application that was not accepted, with a field error', async () => {
    const event = await createOpenEvent(payload)
    const pending = await payload.create({
      collection: 'sponsor-applications',
      data: validSubmission('sponsor-applications', event.id) as never,
      context: { skipEmails: true },
    })
    const response = await clients.admin.post('/partners', {
      body: { ...contentData('partners', event.id), application: { relationTo: 'sponsor-applications', value: pending.id } },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'application' })])
  })
})

describe('submissions as an editor who edits content', () => {
  it('stay unreadable', async () => {
    expect((await clients.editor.get('/sponsor-applications')).status).toBe(403)
    expect((await clients.editor.get('/registrations')).status).toBe(403)
  })
})

describe('events read by the public', () => {
  it('carry none of their content, so an event never shows unpublished sessions', async () => {
    await storeContent(payload, 'sessions', eventId, { title: 'Unannounced session', status: 'draft' })
    const response = await clients.anonymous.get(`/events/${eventId}`, { query: { depth: 2 } })
    expect(response.status).toBe(200)
    expect(JSON.stringify(response.body)).not.toContain('Unannounced session')
  })
})
