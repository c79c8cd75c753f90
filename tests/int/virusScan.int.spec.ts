import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findFreePort } from '@/scripts/findFreePort'

import { startClamd, type TestClamd } from '../helpers/clamd'
import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { EICAR, guideUploadForm, imageBytes, pdfBytes, uploadForm } from '../helpers/uploads'
import { createUser, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

let payload: Payload
let editor: TestUser
let eventId: number
let clamd: TestClamd
const anonymous = RestClient.anonymous()

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createUser(payload, ['editor'])
  eventId = (await createOpenEvent(payload)).id
  // The test's own signature database: the EICAR string, anywhere in any file.
  clamd = await startClamd({ 'Otei.Test.EICAR': EICAR })
})

afterAll(async () => {
  delete process.env.CLAMAV_HOST
  delete process.env.CLAMAV_PORT
  await clamd?.stop()
})

const useScanner = (port: number) => Object.assign(process.env, { CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(port) })

let ipCounter = 0
const freshIp = () => ({ 'X-Forwarded-For': `192.0.2.${100 + ++ipCounter}` })

const applyWithDeck = (deck: Buffer) => {
  const data = validSubmission('sponsor-applications', eventId)
  const request = anonymous.post('/sponsor-applications', {
    form: uploadForm(data, 'deck', { bytes: deck, name: 'deck.pdf', type: 'application/pdf' }),
    headers: freshIp(),
  })
  return { data, request }
}
const applicationsFrom = async (email: unknown) =>
  (await payload.count({ collection: 'sponsor-applications', where: { contactEmail: { equals: email } } })).totalDocs
const count = async (collection: 'sponsor-decks' | 'media') => (await payload.count({ collection })).totalDocs
const fieldErrors = (body: { errors?: { data?: { errors?: unknown[] } }[] }) => body.errors?.[0]?.data?.errors

/** A real PDF and a real PNG carrying the EICAR string: each passes the type check, so only the scan can refuse them. */
const infectedPdf = () => Buffer.concat([pdfBytes(100), Buffer.from(`% ${EICAR}\n%%EOF\n`)])
const infectedPng = async () => Buffer.concat([await imageBytes('png'), Buffer.from(EICAR)])

describe('uploads scanned by clamd, as the public sending a sponsor deck', () => {
  it('store a clean deck with its application', async () => {
    useScanner(clamd.port)
    const decks = await count('sponsor-decks')
    const { request } = applyWithDeck(pdfBytes(500))
    expect((await request).status).toBe(201)
    expect(await count('sponsor-decks')).toBe(decks + 1)
  })

  it('refuse an infected deck with 422 on the deck field, store neither it nor the application, and record an upload-infected event', async () => {
    useScanner(clamd.port)
    const decks = await count('sponsor-decks')
    const { data, request } = applyWithDeck(infectedPdf())
    const response = await request
    expect(response.status).toBe(422)
    expect(fieldErrors(response.body)).toEqual([{ path: 'deck', message: 'This file contains malware and was refused.' }])
    expect(await applicationsFrom(data.contactEmail)).toBe(0)
    expect(await count('sponsor-decks')).toBe(decks)
    const event = await waitFor('the upload-infected security event', async () => {
      const { docs } = await payload.find({ collection: 'security-events', where: { kind: { equals: 'upload-infected' }, form: { equals: 'sponsor-applications' } } })
      return docs[0]
    })
    expect(event.detail).toMatch(/^Otei\.Test\.EICAR(\.UNOFFICIAL)? in deck\.pdf$/)
  })
})

describe('uploads scanned by clamd, as the public sending a deck to the guide’s POST /api/sponsors/', () => {
  it('refuse an infected deck with 422 in the guide’s envelope', async () => {
    useScanner(clamd.port)
    const data = validSubmission('sponsor-applications', eventId)
    const form = guideUploadForm(data, 'deck', { bytes: infectedPdf(), name: 'deck.pdf', type: 'application/pdf' })
    const response = await anonymous.post('/sponsors/', { form, headers: freshIp() })
    expect(response.status).toBe(422)
    expect(response.body).toEqual({ status: 'error', errors: [{ field: 'deck', message: 'This file contains malware and was refused.' }] })
    expect(await applicationsFrom(data.contactEmail)).toBe(0)
  })
})

describe('uploads scanned by clamd, as an editor adding media', () => {
  it('refuse an infected image with 422 on the file field and store nothing', async () => {
    useScanner(clamd.port)
    const media = await count('media')
    const response = await editor.client.post('/media', {
      form: uploadForm({ alt: 'Logo' }, 'file', { bytes: await infectedPng(), name: 'logo.png', type: 'image/png' }),
    })
    expect(response.status).toBe(422)
    expect(fieldErrors(response.body)).toEqual([{ path: 'file', message: 'This file contains malware and was refused.' }])
    expect(await count('media')).toBe(media)
  })
})

describe('uploads while clamd is unreachable', () => {
  it('are refused with 503 and Retry-After, the deck and its application not stored', async () => {
    useScanner(await findFreePort()) // nothing listens there
    const decks = await count('sponsor-decks')
    const { data, request } = applyWithDeck(pdfBytes(500))
    const response = await request
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(response.body.errors[0].message).toBe('Uploaded files cannot be checked for viruses right now; please try again in a moment.')
    expect(await applicationsFrom(data.contactEmail)).toBe(0)
    expect(await count('sponsor-decks')).toBe(decks)
  })

  it('are refused with 503 for media too, nothing stored', async () => {
    useScanner(await findFreePort())
    const media = await count('media')
    const response = await editor.client.post('/media', {
      form: uploadForm({ alt: 'Stage' }, 'file', { bytes: await imageBytes('png'), name: 'stage.png', type: 'image/png' }),
    })
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(await count('media')).toBe(media)
  })
})
