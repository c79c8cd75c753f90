import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { FRONTEND_ORIGIN } from '../helpers/credentials'
import { openEventData } from '../helpers/events'
import { getTestPayload } from '../helpers/payload'
import { type JsonResponse, RestClient } from '../helpers/restClient'
import { createUser, type TestUser } from '../helpers/users'

// Before payload.config.ts is imported: the frontend's origin is allowed, as in production (spelt
// out: FRONTEND_ORIGIN is not imported yet when this runs).
vi.hoisted(() => {
  process.env.CORS_ORIGINS = 'http://frontend.otei.test'
})

const PUBLIC = 'public, max-age=60, stale-while-revalidate=300'
const NOT_STORED = 'private, no-store'

let payload: Payload
let staff: TestUser
let eventId: number
let mediaId: number
let filename: string

beforeAll(async () => {
  payload = await getTestPayload()
  staff = await createUser(payload, ['staff'])
  eventId = (await payload.create({ collection: 'events', data: openEventData() })).id
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#f60' } }).png().toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'An orange square' },
    file: { data: png, mimetype: 'image/png', name: 'orange.png', size: png.length },
  })
  mediaId = media.id
  filename = media.filename!
})

afterAll(async () => {
  await payload.delete({ collection: 'media', id: mediaId })
})

const anonymous = RestClient.anonymous()
const ifNoneMatch = (etag: string) => ({ headers: { 'If-None-Match': etag } })
const etagOf = (response: JsonResponse) => response.headers.get('etag')!

describe('event reads as an anonymous visitor', () => {
  it.each([
    ['the list', () => '/events'],
    ['one event', () => `/events/${eventId}`],
  ])('get %s with a public Cache-Control, a strong ETag and Vary', async (_, path) => {
    const response = await anonymous.get(path())
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe(PUBLIC)
    expect(etagOf(response)).toMatch(/^"[\w-]+"$/)
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Origin')
  })

  it('get the same ETag for the same content', async () => {
    const [first, second] = [await anonymous.get(`/events/${eventId}`), await anonymous.get(`/events/${eventId}`)]
    expect(etagOf(first)).toBeTruthy()
    expect(etagOf(second)).toBe(etagOf(first))
  })

  it.each([
    ['the ETag', (etag: string) => etag],
    ['it among others', (etag: string) => `"older", ${etag} , "oldest"`],
    ['its weak form', (etag: string) => `W/${etag}`],
    ['*', () => '*'],
  ])('get 304 with no body, the same ETag and Cache-Control, for If-None-Match naming %s', async (_, header) => {
    const etag = etagOf(await anonymous.get(`/events/${eventId}`))
    const response = await anonymous.get(`/events/${eventId}`, ifNoneMatch(header(etag)))
    expect(response.status).toBe(304)
    expect(response.body).toBeUndefined()
    expect(etagOf(response)).toBe(etag)
    expect(response.headers.get('cache-control')).toBe(PUBLIC)
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Origin')
  })

  it('get 304 for the list too', async () => {
    const etag = etagOf(await anonymous.get('/events?limit=5'))
    expect((await anonymous.get('/events?limit=5', ifNoneMatch(etag))).status).toBe(304)
  })

  it('get the full answer for an If-None-Match naming another tag', async () => {
    const response = await anonymous.get(`/events/${eventId}`, ifNoneMatch('"something-else", W/"older"'))
    expect(response.status).toBe(200)
    expect(response.body.id).toBe(eventId)
  })

  it('from the frontend, get the same CORS headers on the 304 as on the 200', async () => {
    const fromFrontend = { Origin: FRONTEND_ORIGIN }
    const full = await anonymous.get(`/events/${eventId}`, { headers: fromFrontend })
    const notModified = await anonymous.get(`/events/${eventId}`, { headers: { ...fromFrontend, 'If-None-Match': etagOf(full) } })
    expect(notModified.status).toBe(304)
    expect(full.headers.get('access-control-allow-origin')).toBe(FRONTEND_ORIGIN)
    for (const name of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-headers'])
      expect(notModified.headers.get(name)).toBe(full.headers.get(name))
  })

  it('get a new ETag once staff publish a change, and the old ETags get the new content', async () => {
    const [eventBefore, listBefore] = [await anonymous.get(`/events/${eventId}`), await anonymous.get('/events?limit=100')]
    const published = await staff.client.patch(`/events/${eventId}`, { body: { venue: 'Ladoke Akintola Hall', _status: 'published' } })
    expect(published.status).toBe(200)
    const event = await anonymous.get(`/events/${eventId}`, ifNoneMatch(etagOf(eventBefore)))
    expect(event.status).toBe(200)
    expect(event.body.venue).toBe('Ladoke Akintola Hall')
    expect(etagOf(event)).not.toBe(etagOf(eventBefore))
    const list = await anonymous.get('/events?limit=100', ifNoneMatch(etagOf(listBefore)))
    expect(list.status).toBe(200)
    expect(list.body.docs.find((doc: { id: number }) => doc.id === eventId).venue).toBe('Ladoke Akintola Hall')
  })

  it('are not told to store a missing event (404), and get no 304 for it whatever If-None-Match says', async () => {
    const response = await anonymous.get('/events/999999999', ifNoneMatch('*'))
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
    expect(response.headers.get('etag')).toBeNull()
  })

  it('are not told to store a refused query (400)', async () => {
    const response = await anonymous.get('/events?limit=-1')
    expect(response.status).toBe(400)
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
  })

  it('are not told to store an answer to a request for drafts', async () => {
    const response = await anonymous.get('/events', { query: { draft: 'true' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
    expect(response.headers.get('etag')).toBeNull()
  })

  it('are not told to store a read sent as a POST (X-HTTP-Method-Override, as the admin sends long queries)', async () => {
    const response = await anonymous.post('/events', { body: {}, headers: { 'X-HTTP-Method-Override': 'GET', 'If-None-Match': '*' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
  })

  it('get other reads of the collection as before (GET /events/count)', async () => {
    const response = await anonymous.get('/events/count')
    expect(response.status).toBe(200)
    expect(response.body.totalDocs).toBeGreaterThanOrEqual(1)
    expect(response.headers.get('cache-control')).toBeNull()
  })
})

describe('event reads signed in', () => {
  it('as staff get private, no-store, no ETag, and never a 304 for the public ETag', async () => {
    const etag = etagOf(await anonymous.get(`/events/${eventId}`))
    const response = await staff.client.get(`/events/${eventId}`, ifNoneMatch(etag))
    expect(response.status).toBe(200)
    expect(response.body.id).toBe(eventId)
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
    expect(response.headers.get('etag')).toBeNull()
  })

  it('with the admin’s session cookie get private, no-store, never a 304', async () => {
    const login = await anonymous.post('/users/login', { body: { email: staff.email, password: staff.password } })
    const response = await anonymous.get('/events', { headers: { Cookie: `payload-token=${login.body.token}`, 'If-None-Match': '*' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
  })
})

describe('media as an anonymous visitor', () => {
  it('get the document with a public Cache-Control and an ETag', async () => {
    const response = await anonymous.get(`/media/${mediaId}`)
    expect(response.status).toBe(200)
    expect(response.body.alt).toBe('An orange square')
    expect(response.headers.get('cache-control')).toBe(PUBLIC)
    expect(etagOf(response)).toMatch(/^"[\w-]+"$/)
  })

  it('get the file with a public Cache-Control and an ETag, and 304 when it has not changed', async () => {
    const file = await anonymous.get(`/media/file/${filename}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(file.headers.get('cache-control')).toBe(PUBLIC)
    const notModified = await anonymous.get(`/media/file/${filename}`, ifNoneMatch(etagOf(file)))
    expect(notModified.status).toBe(304)
    expect(notModified.body).toBeUndefined()
  })

  it('are not told to store a missing file', async () => {
    const response = await anonymous.get('/media/file/nothing-here.png')
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
  })
})

describe('the API documentation for a frontend developer', () => {
  it('lists If-None-Match, the caching headers and the 304 on the cached reads, and only there', async () => {
    const { paths } = (await anonymous.get('/openapi.json')).body
    for (const path of ['/api/events', '/api/events/{id}', '/api/media', '/api/media/{id}']) {
      const read = paths[path].get
      expect(read.parameters.map((parameter: { name: string }) => parameter.name), path).toContain('If-None-Match')
      expect(Object.keys(read.responses[200].headers), path).toEqual(['Cache-Control', 'ETag'])
      expect(read.responses[304], path).toBeDefined()
    }
    expect(paths['/api/registrations'].get.responses[304]).toBeUndefined()
  })
})
