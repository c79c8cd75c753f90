import { request } from 'node:http'
import { describe, expect, inject, it } from 'vitest'

import { CHUNKED_GIVE_UP_BYTES, postChunkedWithoutEnd } from '../helpers/chunkedPost'
import { SEEDED_ADMIN } from '../helpers/credentials'
import { createOpenEventOverHttp, httpJson } from '../helpers/httpClient'
import { guideUploadForm, pdfBytes, uploadForm } from '../helpers/uploads'
import { validSubmission } from '../helpers/submissions'

const baseURL = inject('baseURL')
const MB = 1024 * 1024
/** The e2e server runs with the default UPLOAD_MAX_MB. */
const UPLOAD_MAX_BYTES = 10 * MB
const TOO_LARGE = { errors: [{ message: 'The file is too large (at most 10 MB).' }] }

/** A FormData encoded as a browser sends it: the bytes and the Content-Type with its boundary. */
async function encoded(form: FormData) {
  const response = new Response(form)
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type')! }
}

/**
 * A POST over its own connection, from `localAddress` (an IP of its own for the rate limits), that
 * declares `declaredLength` and sends only `body`: the answer, and whether the server asked for
 * more before answering.
 */
function post(path: string, { body, contentType, declaredLength = body.length, localAddress = '127.0.0.1' }: { body: Buffer; contentType: string; declaredLength?: number; localAddress?: string }) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const outgoing = request(`${baseURL}${path}`, {
      method: 'POST',
      agent: false,
      localAddress,
      headers: { 'Content-Type': contentType, 'Content-Length': declaredLength },
    })
    outgoing.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, body: text ? JSON.parse(text) : undefined }))
    })
    outgoing.on('error', reject)
    outgoing.write(body)
    if (declaredLength === body.length) outgoing.end()
  })
}

const storedApplications = async (email: string) => {
  const { body: login } = await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })
  const stored = await httpJson(baseURL, 'GET', `/api/sponsor-applications?where[contactEmail][equals]=${encodeURIComponent(email)}`, { token: login.token })
  return stored.body.totalDocs as number
}

describe('sponsor applications with a deck, as the public, through the production server', () => {
  it('take a deck of several MB as multipart, past the 64 KB of a JSON form', async () => {
    const event = await createOpenEventOverHttp(baseURL)
    const data = { ...validSubmission('sponsor-applications', event), contactEmail: `deck-${Date.now()}@example.com` }
    const form = await encoded(uploadForm(data, 'deck', { bytes: pdfBytes(3 * MB), name: 'deck.pdf', type: 'application/pdf' }))
    const response = await post('/api/sponsor-applications', { ...form, localAddress: '127.0.15.1' })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(await storedApplications(data.contactEmail)).toBe(1)
  })

  it('take the same through the guide’s POST /api/sponsors/', async () => {
    const event = await createOpenEventOverHttp(baseURL)
    const data = { ...validSubmission('sponsor-applications', event), contactEmail: `guide-deck-${Date.now()}@example.com` }
    const form = await encoded(guideUploadForm(data, 'deck', { bytes: pdfBytes(2 * MB), name: 'deck.pdf', type: 'application/pdf' }))
    const response = await post('/api/sponsors/', { ...form, localAddress: '127.0.15.4' })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(await storedApplications(data.contactEmail)).toBe(1)
  })

  it('still refuse a JSON body over 64 KB', async () => {
    const body = Buffer.from(JSON.stringify({ orgName: 'x'.repeat(100 * 1024) }))
    const response = await post('/api/sponsor-applications', { body, contentType: 'application/json', localAddress: '127.0.15.2' })
    expect(response).toEqual({ status: 413, body: { errors: [{ message: 'The form is too large (at most 64 KB).' }] } })
  })

  it('refuse a multipart body declared over UPLOAD_MAX_MB with 413 before it is sent', async () => {
    const email = `declared-${Date.now()}@example.com`
    const head = await encoded(uploadForm({ contactEmail: email }, 'deck', { bytes: pdfBytes(), name: 'deck.pdf', type: 'application/pdf' }))
    const response = await post('/api/sponsor-applications', {
      body: head.body.subarray(0, 200),
      contentType: head.contentType,
      declaredLength: UPLOAD_MAX_BYTES + 128 * 1024,
      localAddress: '127.0.15.3',
    })
    expect(response).toEqual({ status: 413, body: TOO_LARGE })
    expect(await storedApplications(email)).toBe(0)
  })

  it('refuse a multipart body sent without a length as it passes the limit, reading no further and storing nothing', async () => {
    const email = `chunked-deck-${Date.now()}@example.com`
    const boundary = 'otei-e2e-boundary'
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify({ contactEmail: email })}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="deck"; filename="deck.pdf"\r\nContent-Type: application/pdf\r\n\r\n`
    const firstPart = Buffer.concat([Buffer.from(head), Buffer.alloc(UPLOAD_MAX_BYTES + 128 * 1024, 0x25)])
    const refusal = await postChunkedWithoutEnd(`${baseURL}/api/sponsor-applications`, firstPart, `multipart/form-data; boundary=${boundary}`)
    expect(refusal.status).toBe(413)
    expect(JSON.parse(refusal.body)).toEqual(TOO_LARGE)
    expect(refusal.closedBeforeBytes).toBeLessThan(CHUNKED_GIVE_UP_BYTES)
    expect(await storedApplications(email)).toBe(0)
  })
})

describe('media uploads through the production server', () => {
  it('are refused with 413 unread when they declare more than UPLOAD_MAX_MB', async () => {
    const head = await encoded(uploadForm({ alt: 'x' }, 'file', { bytes: pdfBytes(), name: 'big.pdf', type: 'application/pdf' }))
    const response = await post('/api/media', { body: head.body.subarray(0, 200), contentType: head.contentType, declaredLength: 50 * MB })
    expect(response).toEqual({ status: 413, body: TOO_LARGE })
  })
})
