import { parse } from 'csv-parse/sync'
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { startSiteverifyServer } from '../helpers/siteverifyServer'
import { createOpenEvent, errorPaths, validSubmission } from '../helpers/submissions'
import { guideUploadForm, imageBytes, pdfBytes, SVG, uploadForm } from '../helpers/uploads'
import { createUser, type TestUser } from '../helpers/users'

// A 1 MB limit keeps the oversized uploads small; read when the config is first imported.
vi.hoisted(() => {
  process.env.UPLOAD_MAX_MB = '1'
})
const MB = 1024 * 1024

let payload: Payload
let editor: TestUser
let staff: TestUser
let admin: RestClient
let eventId: number
const anonymous = RestClient.anonymous()

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createUser(payload, ['editor'])
  staff = await createUser(payload, ['staff'])
  admin = (await createUser(payload, ['admin'])).client
  eventId = (await createOpenEvent(payload)).id
})

const fieldMessage = (body: { errors?: { data?: { errors?: { path: string; message: string }[] } }[] }, path: string) =>
  body.errors?.[0]?.data?.errors?.find((error) => error.path === path)?.message

const mediaCount = async () => (await payload.count({ collection: 'media' })).totalDocs

/** A body of `totalBytes` sent chunked (no Content-Length), counting how much of it the server pulled. */
function chunkedMultipart(boundary: string, totalBytes: number) {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"big"}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
  )
  const chunk = Buffer.alloc(64 * 1024, 0x61)
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(head)
      if (sent >= totalBytes) return controller.close()
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
  return { stream, pulled: () => sent }
}

describe('media uploads as an editor', () => {
  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
  ] as const)('accept a %s image, stored with the type its content has and resized into the frontend’s sizes', async (format, mimeType) => {
    const form = uploadForm({ alt: `A ${format} photo` }, 'file', { bytes: await imageBytes(format), name: `photo.${format}`, type: mimeType })
    const response = await editor.client.post('/media', { form })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.doc).toMatchObject({ mimeType, alt: `A ${format} photo`, width: 640, height: 480 })
    expect(Object.keys(response.body.doc.sizes).sort()).toEqual(['card', 'hero', 'thumbnail'])
    expect(response.body.doc.sizes.thumbnail).toMatchObject({ width: 320, height: 320, mimeType: 'image/webp' })
  })

  it('accept a PDF document without alt text', async () => {
    const form = uploadForm({}, 'file', { bytes: pdfBytes(), name: 'programme.pdf', type: 'application/pdf' })
    const response = await editor.client.post('/media', { form })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.doc).toMatchObject({ mimeType: 'application/pdf', filename: expect.stringMatching(/\.pdf$/) })
  })

  it('judge the type by the content, not the name or declared type: a PNG sent as "logo.pdf" is stored as a PNG', async () => {
    const form = uploadForm({ alt: 'Logo' }, 'file', { bytes: await imageBytes('png'), name: 'logo.pdf', type: 'application/pdf' })
    const response = await editor.client.post('/media', { form })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.doc).toMatchObject({ mimeType: 'image/png', filename: expect.stringMatching(/^logo.*\.png$/) })
  })

  it.each([
    ['an SVG', SVG, 'drawing.svg', 'image/svg+xml'],
    ['text named .png and declared an image', 'just some text, not an image', 'photo.png', 'image/png'],
    ['an HTML page named .pdf', '<html><script>alert(1)</script></html>', 'deck.pdf', 'application/pdf'],
    ['a GIF', Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'), 'dot.gif', 'image/gif'],
  ])('refuse %s with a 400 on the file field, storing nothing', async (_what, bytes, name, type) => {
    const before = await mediaCount()
    const response = await editor.client.post('/media', { form: uploadForm({ alt: 'x' }, 'file', { bytes, name, type }) })
    expect(response.status).toBe(400)
    expect(fieldMessage(response.body, 'file')).toMatch(/^Only PNG, JPEG, WebP, PDF files are accepted; this is /)
    expect(await mediaCount()).toBe(before)
  })

  it('refuse an SVG put in place of an image, keeping the image', async () => {
    const created = await editor.client.post('/media', { form: uploadForm({ alt: 'Logo' }, 'file', { bytes: await imageBytes('png'), name: 'keep.png', type: 'image/png' }) })
    const { id, filename } = created.body.doc
    const replaced = await editor.client.patch(`/media/${id}`, { form: uploadForm({}, 'file', { bytes: SVG, name: 'keep.svg', type: 'image/svg+xml' }) })
    expect(replaced.status).toBe(400)
    expect(fieldMessage(replaced.body, 'file')).toMatch(/^Only PNG, JPEG, WebP, PDF files are accepted/)
    expect(await payload.findByID({ collection: 'media', id, depth: 0 })).toMatchObject({ filename, mimeType: 'image/png' })
  })

  it('refuse an image without alt text with a field error', async () => {
    const response = await editor.client.post('/media', { form: uploadForm({}, 'file', { bytes: await imageBytes('png'), name: 'a.png', type: 'image/png' }) })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['alt'])
  })

  it('refuse a file named by its address instead of sent (Payload would fetch it, unchecked): 400 on file, nothing stored', async () => {
    const before = await mediaCount()
    const response = await editor.client.post('/media', { body: { alt: 'Remote', filename: 'remote.pdf', url: 'https://files.example/remote.pdf' } })
    expect(response.status).toBe(400)
    expect(fieldMessage(response.body, 'file')).toMatch(/^Send the file itself/)
    expect(await mediaCount()).toBe(before)
  })

  it('refuse a create over GraphQL, which cannot carry the file, with that answer', async () => {
    const before = await mediaCount()
    const response = await editor.client.graphql('mutation { createMedia(data: { alt: "Remote", filename: "remote.png", url: "https://files.example/remote.png" }) { id } }')
    expect(response.body.errors[0].message).toMatch(/invalid: file/)
    expect(response.body.errors[0].extensions.statusCode).toBe(400)
    expect(await mediaCount()).toBe(before)
  })

  it('refuse a file over UPLOAD_MAX_MB with 413 and store nothing', async () => {
    const before = await mediaCount()
    const form = uploadForm({}, 'file', { bytes: pdfBytes(1.2 * MB), name: 'big.pdf', type: 'application/pdf' })
    const response = await editor.client.post('/media', { form })
    expect(response.status).toBe(413)
    expect(response.body.errors[0].message).toBe('The file is too large (at most 1 MB).')
    expect(await mediaCount()).toBe(before)
  })

  it('stop reading a chunked upload once it passes the limit: 413, the rest never read', async () => {
    const before = await mediaCount()
    const boundary = 'otei-test-boundary'
    const body = chunkedMultipart(boundary, 50 * MB)
    const response = await editor.client.post('/media', {
      rawBody: body.stream,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    })
    expect(response.status).toBe(413)
    expect(body.pulled()).toBeLessThan(3 * MB)
    expect(await mediaCount()).toBe(before)
  })
})

describe('media uploads as the public', () => {
  it('are refused with 403', async () => {
    const response = await anonymous.post('/media', { form: uploadForm({ alt: 'x' }, 'file', { bytes: await imageBytes('png'), name: 'a.png', type: 'image/png' }) })
    expect(response.status).toBe(403)
  })

  it('are read by anyone: the file itself and its sizes', async () => {
    const created = await editor.client.post('/media', {
      form: uploadForm({ alt: 'Stage' }, 'file', { bytes: await imageBytes('jpeg', 1600, 1000), name: 'stage.jpg', type: 'image/jpeg' }),
    })
    const { doc } = created.body
    const read = await anonymous.get(`/media/${doc.id}`)
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ alt: 'Stage', url: `/api/media/file/${doc.filename}`, sizes: { card: { width: 768, height: 512 } } })
    const file = await anonymous.get(`/media/file/${doc.filename}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/jpeg')
  })
})

const sponsorApplication = () => validSubmission('sponsor-applications', eventId)
const applicationsFrom = async (email: unknown) =>
  (await payload.count({ collection: 'sponsor-applications', where: { contactEmail: { equals: email } } })).totalDocs
const deckCount = async () => (await payload.count({ collection: 'sponsor-decks' })).totalDocs
let ipCounter = 0
const freshIp = () => ({ 'X-Forwarded-For': `192.0.2.${++ipCounter}` })

/** A public sponsor application with a PDF deck, as the frontend posts it. */
async function applyWithDeck(deck = pdfBytes(2000)) {
  const data = sponsorApplication()
  const response = await anonymous.post('/sponsor-applications', {
    form: uploadForm(data, 'deck', { bytes: deck, name: 'Our deck.pdf', type: 'application/pdf' }),
    headers: freshIp(),
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  const [stored] = (await payload.find({ collection: 'sponsor-decks', where: { application: { equals: response.body.doc.id } }, depth: 0 })).docs
  return { response, data, deck: stored }
}

describe('sponsor applications with a deck as the public', () => {
  it('are stored with the deck, and the answer gives no way to the file', async () => {
    const deckBytes = pdfBytes(2000)
    const { response, deck } = await applyWithDeck(deckBytes)
    expect(deck).toMatchObject({ mimeType: 'application/pdf', filesize: deckBytes.length, filename: expect.stringMatching(/\.pdf$/) })
    expect(existsSync(path.resolve('.data/sponsor-decks', deck.filename!))).toBe(true)
    expect(JSON.stringify(response.body)).not.toContain(deck.filename!)
    expect(response.body.doc.deck).toBeUndefined()
  })

  it('cannot read the deck, list decks or fetch the file', async () => {
    const { deck } = await applyWithDeck()
    expect((await anonymous.get(`/sponsor-decks/${deck.id}`)).status).toBe(403)
    expect((await anonymous.get('/sponsor-decks')).status).toBe(403)
    expect((await anonymous.get(`/sponsor-decks/file/${deck.filename}`)).status).toBe(403)
  })

  it('cannot upload a deck on its own', async () => {
    const form = uploadForm({}, 'file', { bytes: pdfBytes(), name: 'deck.pdf', type: 'application/pdf' })
    expect((await anonymous.post('/sponsor-decks', { form })).status).toBe(403)
  })

  it.each([
    ['a PNG', async () => imageBytes('png'), 400, 'Only PDF files are accepted; this is a PNG file.'],
    ['text named .pdf', async () => Buffer.from('not a pdf at all'), 400, 'Only PDF files are accepted; this is not a file of a type we accept.'],
    // A PDF by its first bytes that Payload's own check cannot read: its error is on `file`, the sender's part is `deck`.
    ['a broken PDF', async () => Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n'), 400, 'Invalid PDF file.'],
  ])('with %s as the deck are refused on the deck field, and the application is not stored either', async (_what, bytes, status, message) => {
    const data = sponsorApplication()
    const decksBefore = await deckCount()
    const response = await anonymous.post('/sponsor-applications', {
      form: uploadForm(data, 'deck', { bytes: await bytes(), name: 'deck.pdf', type: 'application/pdf' }),
      headers: freshIp(),
    })
    expect(response.status).toBe(status)
    expect(fieldMessage(response.body, 'deck')).toBe(message)
    expect(await applicationsFrom(data.contactEmail)).toBe(0)
    expect(await deckCount()).toBe(decksBefore)
  })

  it('with a deck over UPLOAD_MAX_MB are refused with 413, and nothing is stored', async () => {
    const data = sponsorApplication()
    const decksBefore = await deckCount()
    const response = await anonymous.post('/sponsor-applications', {
      form: uploadForm(data, 'deck', { bytes: pdfBytes(1.5 * MB), name: 'deck.pdf', type: 'application/pdf' }),
      headers: freshIp(),
    })
    expect(response.status).toBe(413)
    expect(await applicationsFrom(data.contactEmail)).toBe(0)
    expect(await deckCount()).toBe(decksBefore)
  })

  it('with an invalid field are refused, and the deck is not stored either', async () => {
    const data = { ...sponsorApplication(), sponsorTier: 'platinum-plus' }
    const decksBefore = await deckCount()
    const response = await anonymous.post('/sponsor-applications', {
      form: uploadForm(data, 'deck', { bytes: pdfBytes(), name: 'deck.pdf', type: 'application/pdf' }),
      headers: freshIp(),
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['sponsorTier'])
    expect(await deckCount()).toBe(decksBefore)
  })

  it('that fill the honeypot are answered as accepted, stored as spam, and keep no deck', async () => {
    const decksBefore = await deckCount()
    const response = await anonymous.post('/sponsor-applications', {
      form: uploadForm({ ...sponsorApplication(), faxNumber: '+1 555 0100' }, 'deck', { bytes: pdfBytes(), name: 'deck.pdf', type: 'application/pdf' }),
      headers: freshIp(),
    })
    expect(response.status).toBe(201)
    expect((await payload.findByID({ collection: 'sponsor-applications', id: response.body.doc.id, depth: 0 })).status).toBe('spam')
    expect(await deckCount()).toBe(decksBefore)
  })

  it('pass the same captcha: a wrong token stores neither the application nor the deck', async () => {
    const verifier = await startSiteverifyServer('turnstile', 'deck-captcha-secret')
    Object.assign(process.env, { CAPTCHA_PROVIDER: 'turnstile', CAPTCHA_VERIFY_URL: verifier.url, CAPTCHA_SECRET: 'deck-captcha-secret' })
    try {
      const data = sponsorApplication()
      const decksBefore = await deckCount()
      const form = () => uploadForm(data, 'deck', { bytes: pdfBytes(), name: 'deck.pdf', type: 'application/pdf' })
      const refused = await anonymous.post('/sponsor-applications', { form: form(), headers: { ...freshIp(), 'X-Captcha-Token': 'forged' } })
      expect(refused.status).toBe(400)
      expect(errorPaths(refused.body)).toEqual(['captchaToken'])
      expect(await deckCount()).toBe(decksBefore)
      const accepted = await anonymous.post('/sponsor-applications', { form: form(), headers: { ...freshIp(), 'X-Captcha-Token': 'pass' } })
      expect(accepted.status).toBe(201)
      expect(await deckCount()).toBe(decksBefore + 1)
    } finally {
      delete process.env.CAPTCHA_PROVIDER
      delete process.env.CAPTCHA_VERIFY_URL
      delete process.env.CAPTCHA_SECRET
      await verifier.close()
    }
  })
})

const guideForm = (data: Record<string, unknown>, deck: Buffer) => guideUploadForm(data, 'deck', { bytes: deck, name: 'deck.pdf', type: 'application/pdf' })

describe('sponsor applications with a deck as the public, through the guide’s POST /api/sponsors/', () => {
  it('are stored with the deck, answered in the guide’s envelope', async () => {
    const response = await anonymous.post('/sponsors/', { form: guideForm(sponsorApplication(), pdfBytes(1500)), headers: freshIp() })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const { docs } = await payload.find({ collection: 'sponsor-decks', where: { application: { equals: response.body.data.id } }, depth: 0 })
    expect(docs).toEqual([expect.objectContaining({ mimeType: 'application/pdf', filesize: pdfBytes(1500).length })])
  })

  it('refuse a deck that is not a PDF on the deck field, storing neither', async () => {
    const data = sponsorApplication()
    const decksBefore = await deckCount()
    const response = await anonymous.post('/sponsors/', { form: guideForm(data, await imageBytes('png')), headers: freshIp() })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ status: 'error', errors: [{ field: 'deck', message: 'Only PDF files are accepted; this is a PNG file.' }] })
    expect(await applicationsFrom(data.contactEmail)).toBe(0)
    expect(await deckCount()).toBe(decksBefore)
  })

  it('refuse a deck over UPLOAD_MAX_MB with 413, storing neither', async () => {
    const data = sponsorApplication()
    const response = await anonymous.post('/sponsors/', { form: guideForm(data, pdfBytes(1.5 * MB)), headers: freshIp() })
    expect(response.status).toBe(413)
    expect(response.body).toEqual({ status: 'error', errors: [{ field: null, message: 'The file is too large (at most 1 MB).' }] })
    expect(await applicationsFrom(data.contactEmail)).toBe(0)
  })
})

describe('sponsor decks as staff', () => {
  it('are linked from the application and downloadable through the app', async () => {
    const deckBytes = pdfBytes(3000)
    const { response, deck } = await applyWithDeck(deckBytes)
    const application = await staff.client.get(`/sponsor-applications/${response.body.doc.id}`, { query: { depth: 1 } })
    expect(application.status).toBe(200)
    expect(application.body.deck.docs).toEqual([expect.objectContaining({ id: deck.id, url: `/api/sponsor-decks/file/${encodeURIComponent(deck.filename!)}` })])
    const file = await staff.client.get(`/sponsor-decks/file/${deck.filename}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('cache-control')).toBe('private, no-store')
    expect(Buffer.from(file.body as string, 'latin1').length).toBe(deckBytes.length)
  })

  it('go when an admin deletes the application: the document and the file', async () => {
    const { response, deck } = await applyWithDeck()
    const file = path.resolve('.data/sponsor-decks', deck.filename!)
    expect(existsSync(file)).toBe(true)
    expect((await admin.delete(`/sponsor-applications/${response.body.doc.id}`)).status).toBe(200)
    expect((await payload.count({ collection: 'sponsor-decks', where: { id: { equals: deck.id } } })).totalDocs).toBe(0)
    expect(existsSync(file)).toBe(false)
  })
})

describe('sponsor applications with a deck, exported by staff', () => {
  it('come out as CSV rows like any other (the deck, a file, is not a column)', async () => {
    const { response, data } = await applyWithDeck()
    const exported = await staff.client.post('/exports/download', {
      body: { data: { collectionSlug: 'sponsor-applications', format: 'csv', where: { id: { equals: response.body.doc.id } } } },
    })
    expect(exported.status).toBe(200)
    const rows = parse(exported.body, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toEqual([expect.objectContaining({ ID: String(response.body.doc.id), 'Contact Email': data.contactEmail })])
  })
})

describe('sponsor decks as an editor', () => {
  it('are neither listed nor downloadable', async () => {
    const { deck } = await applyWithDeck()
    expect((await editor.client.get(`/sponsor-decks/${deck.id}`)).status).toBe(403)
    expect((await editor.client.get(`/sponsor-decks/file/${deck.filename}`)).status).toBe(403)
  })
})

describe('the API document for a client uploading', () => {
  it('lists the answers uploads give and the multipart body of a sponsor application with its deck', async () => {
    const { body: spec } = await anonymous.get('/openapi.json')
    for (const path of ['/api/media', '/api/sponsor-applications']) {
      expect(Object.keys(spec.paths[path].post.responses)).toEqual(expect.arrayContaining(['400', '413', '422', '503']))
    }
    const body = spec.components.requestBodies[spec.paths['/api/sponsor-applications'].post.requestBody.$ref.split('/').pop()]
    expect(body.content['multipart/form-data'].schema).toMatchObject({
      required: ['_payload'],
      properties: { _payload: { type: 'string' }, deck: { type: 'string', contentMediaType: 'application/pdf' } },
    })
  })
})

afterAll(() => {
  delete process.env.UPLOAD_MAX_MB
})
