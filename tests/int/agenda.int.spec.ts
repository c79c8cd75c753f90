import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { initialsAvatar } from '@/scripts/placeholderImages'

import { contentData, createContentEvent, richText } from '../helpers/content'
import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { errorPaths } from '../helpers/submissions'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let editor: TestUser

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createUser(payload, ['editor'])
})

/** A session of openEventData's event (1 June 2027, 09:00–18:00 in Lagos), published unless told. */
const session = (event: number, fields: Record<string, unknown>) => ({ ...contentData('sessions', event), _status: 'published', ...fields })

const fieldErrors = (body: { errors?: { data?: { errors?: { path: string; message: string }[] } }[] }) => body.errors?.[0]?.data?.errors ?? []

describe('sessions published by an editor', () => {
  let event: number
  beforeAll(async () => {
    event = await createContentEvent(payload)
  })

  it('are refused with a field error when they end before they start', async () => {
    const response = await editor.client.post('/sessions', {
      body: session(event, { startsAt: '2027-06-01T10:00:00.000Z', endsAt: '2027-06-01T09:30:00.000Z' }),
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([expect.objectContaining({ path: 'endsAt', message: 'The session must end after it starts.' })])
  })

  it('are refused with a field error on a time that is not a date, not a server error', async () => {
    const response = await editor.client.post('/sessions', { body: session(event, { startsAt: 'half past nine' }) })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['startsAt'])
  })

  it('are refused with a field error when they start before the event', async () => {
    const response = await editor.client.post('/sessions', {
      body: session(event, { startsAt: '2027-06-01T07:00:00.000Z', endsAt: '2027-06-01T08:30:00.000Z' }),
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual([
      expect.objectContaining({ path: 'startsAt', message: expect.stringContaining('must start during the event: Tuesday, 1 June 2027 at 09:00') }),
    ])
  })

  it('are refused with a field error when they end after the event', async () => {
    const response = await editor.client.post('/sessions', {
      body: session(event, { startsAt: '2027-06-01T16:30:00.000Z', endsAt: '2027-06-01T17:30:00.000Z' }),
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['endsAt'])
  })

  it('are refused when they overlap another session in the same room, naming it and its times', async () => {
    const first = await editor.client.post('/sessions', {
      body: session(event, { title: 'Opening keynote', room: 'Main Hall', startsAt: '2027-06-01T08:00:00.000Z', endsAt: '2027-06-01T09:00:00.000Z' }),
    })
    expect(first.status).toBe(201)
    const clash = await editor.client.post('/sessions', {
      body: session(event, { title: 'Late panel', room: 'Main Hall', startsAt: '2027-06-01T08:30:00.000Z', endsAt: '2027-06-01T09:30:00.000Z' }),
    })
    expect(clash.status).toBe(400)
    expect(fieldErrors(clash.body)).toEqual([
      {
        path: 'room',
        label: 'Room',
        message: 'Main Hall is taken by “Opening keynote” from 09:00 to 10:00 on Tuesday, 1 June 2027 (Africa/Lagos).',
      },
    ])
  })

  it('may follow each other in one room, or run at the same time in another room', async () => {
    await editor.client.post('/sessions', {
      body: session(event, { room: 'Hall B', startsAt: '2027-06-01T10:00:00.000Z', endsAt: '2027-06-01T11:00:00.000Z' }),
    })
    const next = await editor.client.post('/sessions', {
      body: session(event, { room: 'Hall B', startsAt: '2027-06-01T11:00:00.000Z', endsAt: '2027-06-01T12:00:00.000Z' }),
    })
    const elsewhere = await editor.client.post('/sessions', {
      body: session(event, { room: 'Lab 1', startsAt: '2027-06-01T10:00:00.000Z', endsAt: '2027-06-01T11:00:00.000Z' }),
    })
    expect([next.status, elsewhere.status]).toEqual([201, 201])
  })

  it('keep to their room when edited: moving one onto another is refused', async () => {
    await editor.client.post('/sessions', {
      body: session(event, { title: 'Founders AMA', room: 'Hall C', startsAt: '2027-06-01T13:00:00.000Z', endsAt: '2027-06-01T14:00:00.000Z' }),
    })
    const other = await editor.client.post('/sessions', {
      body: session(event, { room: 'Hall C', startsAt: '2027-06-01T14:00:00.000Z', endsAt: '2027-06-01T15:00:00.000Z' }),
    })
    const moved = await editor.client.patch(`/sessions/${other.body.doc.id}`, { body: { startsAt: '2027-06-01T13:30:00.000Z' } })
    expect(moved.status).toBe(400)
    expect(fieldErrors(moved.body)[0].message).toContain('“Founders AMA”')
    // Saving itself unchanged is no clash with itself.
    expect((await editor.client.patch(`/sessions/${other.body.doc.id}`, { body: { track: 'Founders' } })).status).toBe(200)
  })
})

describe('sessions given a speaker of another event by an editor', () => {
  it('are refused with a field error on speakers', async () => {
    const [event, otherEvent] = [await createContentEvent(payload), await createContentEvent(payload)]
    const stranger = await payload.create({ collection: 'speakers', data: { ...contentData('speakers', otherEvent), _status: 'published' } as never })
    const response = await editor.client.post('/sessions', { body: session(event, { speakers: [stranger.id] }) })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['speakers'])
  })
})

describe('speakers given a photo by an editor', () => {
  it('refuse a PDF from the media library with a field error on photo', async () => {
    const event = await createContentEvent(payload)
    // The smallest file Payload takes for a PDF: header, cross-reference table, end marker.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nxref\n0 3\ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n0\n%%EOF\n')
    const brochure = await payload.create({ collection: 'media', data: { alt: 'Brochure' }, file: { data: pdf, mimetype: 'application/pdf', name: 'brochure.pdf', size: pdf.length } })
    const response = await editor.client.post('/speakers', { body: { ...contentData('speakers', event), photo: brochure.id, _status: 'published' } })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['photo'])
  })
})

describe('sessions autosaved as drafts by an editor', () => {
  it('are saved half-finished without errors, and checked once published', async () => {
    const event = await createContentEvent(payload)
    const draft = await editor.client.post('/sessions', {
      query: { draft: 'true', autosave: 'true' },
      body: { title: 'Half typed', event, startsAt: '2027-06-01T10:00:00.000Z', endsAt: '2027-06-01T09:00:00.000Z' },
    })
    expect(draft.status).toBe(201)
    const publish = await editor.client.patch(`/sessions/${draft.body.doc.id}`, { body: { _status: 'published' } })
    expect(publish.status).toBe(400)
    expect(errorPaths(publish.body)).toEqual(expect.arrayContaining(['kind', 'endsAt']))
  })

  it('with a time that is not a date get a field error, not a server error', async () => {
    const event = await createContentEvent(payload)
    const draft = await editor.client.post('/sessions', { query: { draft: 'true', autosave: 'true' }, body: { title: 'Typo', event, startsAt: 'tomorrow-ish' } })
    expect(draft.status).toBe(400)
    expect(errorPaths(draft.body)).toEqual(['startsAt'])
  })

  it('hold no room: a draft at the same time does not block a published session', async () => {
    const event = await createContentEvent(payload)
    const times = { room: 'Main Hall', startsAt: '2027-06-01T10:00:00.000Z', endsAt: '2027-06-01T11:00:00.000Z' }
    expect((await editor.client.post('/sessions?draft=true', { body: session(event, { ...times, _status: 'draft' }) })).status).toBe(201)
    expect((await editor.client.post('/sessions', { body: session(event, times) })).status).toBe(201)
  })
})

describe('session times', () => {
  it('are kept in the event’s own time zone, for the admin and the frontend', async () => {
    const event = await createContentEvent(payload, { timezone: 'Europe/London' })
    const response = await editor.client.post('/sessions', { body: session(event, {}) })
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({ startsAt_tz: 'Europe/London', endsAt_tz: 'Europe/London' })
  })
})

describe('pages created by an editor', () => {
  it('get a slug from their title, unique within the event but free in another event', async () => {
    const [event, otherEvent] = [await createContentEvent(payload), await createContentEvent(payload)]
    const body = (eventId: number) => ({ title: 'About OTEI', body: richText('Hello.'), event: eventId, _status: 'published' })
    const first = await editor.client.post('/pages', { body: body(event) })
    expect(first.status).toBe(201)
    expect(first.body.doc.slug).toBe('about-otei')
    const elsewhere = await editor.client.post('/pages', { body: body(otherEvent) })
    expect(elsewhere.status).toBe(201)
    const again = await editor.client.post('/pages', { body: body(event) })
    expect(again.status).toBe(400)
    expect(fieldErrors(again.body)).toEqual([
      expect.objectContaining({ path: 'slug', message: 'Another document of this event already uses the slug “about-otei”.' }),
    ])
  })

  it('saved as drafts with a slug already used in the event get a field error, not a server error', async () => {
    const event = await createContentEvent(payload)
    const draft = { title: 'Venue', body: richText('Where.'), event }
    expect((await editor.client.post('/pages?draft=true', { body: draft })).status).toBe(201)
    const again = await editor.client.post('/pages?draft=true', { body: draft })
    expect(again.status).toBe(400)
    expect(errorPaths(again.body)).toContain('slug')
  })

  it('refuse a call to action with a link that is neither a site path nor a web address', async () => {
    const event = await createContentEvent(payload)
    const body = richText('Join us.')
    body.root.children.push({ type: 'block', version: 2, format: '', fields: { id: 'cta', blockType: 'callToAction', label: 'Register', link: 'javascript:alert(1)', style: 'primary' } } as never)
    const response = await editor.client.post('/pages', { body: { title: 'Join', body, event, _status: 'published' } })
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body)).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('Enter a website address starting with http:// or https://') })]),
    )
  })

  it('get SEO title and description generated for OTEI', async () => {
    const event = await createContentEvent(payload, { name: 'OTEI 2027' })
    const page = { title: 'Venue', body: richText('The LAUTECH Main Auditorium, Ogbomoso.'), event }
    const title = await editor.client.post('/plugin-seo/generate-title', { body: { doc: page, collectionSlug: 'pages' } })
    const description = await editor.client.post('/plugin-seo/generate-description', { body: { doc: page, collectionSlug: 'pages' } })
    expect([title.status, description.status]).toEqual([200, 200])
    expect(title.body).toMatchObject({ result: 'Venue · OTEI 2027' })
    expect(description.body).toMatchObject({ result: 'The LAUTECH Main Auditorium, Ogbomoso.' })
  })
})

describe('a published agenda of 200 sessions read by the public', () => {
  const SESSIONS = 200
  let event: number

  beforeAll(async () => {
    event = await createContentEvent(payload)
    const speakers = []
    for (const name of ['Ada Obi', 'Bola Ade', 'Chidi Eze']) {
      const photo = await payload.create({ collection: 'media', data: { alt: `Portrait of ${name}` }, file: await initialsAvatar(name, '#b4411d', `${name}.png`) })
      speakers.push(
        (await payload.create({ collection: 'speakers', data: { ...contentData('speakers', event, name), photo: photo.id, bio: richText('A long bio.'), _status: 'published' } as never })).id,
      )
    }
    // Ten rooms, twenty 25-minute slots each: a full day without overlaps.
    for (let index = 0; index < SESSIONS; index++) {
      const startsAt = new Date(Date.parse('2027-06-01T08:00:00.000Z') + Math.floor(index / 10) * 25 * 60_000)
      await payload.create({
        collection: 'sessions',
        data: session(event, {
          title: `Session ${String(index).padStart(3, '0')}`,
          room: `Room ${index % 10}`,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 25 * 60_000).toISOString(),
          speakers: [speakers[index % 3], speakers[(index + 1) % 3]],
        }) as never,
      })
    }
    await payload.create({ collection: 'sessions', data: session(event, { title: 'Secret session', _status: 'draft' }) as never, draft: true })
  }, 300_000)

  it('comes in one REST request, sorted by start, with small speaker cards and their photos', async () => {
    const response = await RestClient.anonymous().get('/sessions', {
      query: { where: { event: { equals: event } }, sort: 'startsAt', depth: 2, limit: SESSIONS, draft: 'true' },
    })
    expect(response.status).toBe(200)
    expect(response.body.totalDocs).toBe(SESSIONS)
    expect(response.body.docs).toHaveLength(SESSIONS)
    const starts = response.body.docs.map((doc: { startsAt: string }) => doc.startsAt)
    expect(starts).toEqual([...starts].sort())
    const [speaker] = response.body.docs[0].speakers
    expect(Object.keys(speaker).sort()).toEqual(['id', 'jobTitle', 'name', 'organisation', 'photo', 'slug'])
    expect(speaker.photo).toMatchObject({ alt: expect.stringContaining('Portrait of'), url: expect.stringMatching(/^\/api\/media\/file\//) })
    expect(speaker.photo.sizes.thumbnail.url).toMatch(/\.webp$/)
  })

  it('comes in one GraphQL query within the API’s complexity limit', async () => {
    const response = await RestClient.anonymous().graphql(
      `query ($event: JSON) {
        Sessions(where: { event: { equals: $event } }, sort: "startsAt", limit: ${SESSIONS}) {
          totalDocs
          docs { title kind startsAt endsAt startsAt_tz room track speakers { name jobTitle organisation photo { url alt sizes { thumbnail { url } } } } }
        }
      }`,
      { event },
    )
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.Sessions.totalDocs).toBe(SESSIONS)
    expect(response.body.data.Sessions.docs[0].speakers[0].photo.url).toMatch(/^\/api\/media\/file\//)
  })
})
