import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import type { RestClient as RestClientType } from '../helpers/restClient'
import { startS3Server, type TestS3 } from '../helpers/s3Server'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { imageBytes, pdfBytes, SVG, uploadForm } from '../helpers/uploads'
import type { TestUser } from '../helpers/users'

// The storage is chosen from the environment when the config is imported: S3 is set first, and
// this file gets an app (and a database) of its own.
let s3: TestS3
let own: OwnDatabase
let payload: Payload
let anonymous: RestClientType
let editor: TestUser
let staff: TestUser

beforeAll(async () => {
  s3 = await startS3Server()
  Object.assign(process.env, s3.env)
  own = await useOwnDatabase('s3')
  payload = own.payload
  anonymous = own.RestClient.anonymous()
  const { createUser } = await import('../helpers/users')
  await createUser(payload, ['admin']) // the first account of a database always becomes admin
  editor = await createUser(payload, ['editor'])
  staff = await createUser(payload, ['staff'])
})

afterAll(async () => {
  await own?.drop()
  await s3?.stop()
  for (const name of Object.keys(s3?.env ?? {})) delete process.env[name]
})

describe('media with S3 storage as an editor', () => {
  it('go to the bucket, resized sizes included, not to local disk; anyone reads them through the app', async () => {
    const bytes = await imageBytes('png', 1600, 1000)
    const response = await editor.client.post('/media', { form: uploadForm({ alt: 'Hall' }, 'file', { bytes, name: 'hall-s3.png', type: 'image/png' }) })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const { doc } = response.body
    const keys = await s3.keys('media/')
    expect(keys).toContain(`media/${doc.filename}`)
    expect(keys).toContain(`media/${doc.sizes.thumbnail.filename}`)
    expect(existsSync(path.resolve('.data/media', doc.filename))).toBe(false)
    const file = await anonymous.get(`/media/file/${doc.filename}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
  })
})

describe('refused uploads with S3 storage', () => {
  it('leave nothing in the bucket: an SVG as media, a PNG as a deck', async () => {
    const before = [...(await s3.keys('media/')), ...(await s3.keys('sponsor-decks/'))]
    const svg = await editor.client.post('/media', { form: uploadForm({ alt: 'x' }, 'file', { bytes: SVG, name: 'logo.svg', type: 'image/svg+xml' }) })
    expect(svg.status).toBe(400)
    const event = (await createOpenEvent(payload)).id
    const deck = await anonymous.post('/sponsor-applications', {
      form: uploadForm(validSubmission('sponsor-applications', event), 'deck', { bytes: await imageBytes('png'), name: 'deck.pdf', type: 'application/pdf' }),
    })
    expect(deck.status).toBe(400)
    expect([...(await s3.keys('media/')), ...(await s3.keys('sponsor-decks/'))]).toEqual(before)
  })
})

describe('sponsor decks with S3 storage', () => {
  async function applyWithDeck(email: string) {
    const event = (await createOpenEvent(payload)).id
    const response = await anonymous.post('/sponsor-applications', {
      form: uploadForm({ ...validSubmission('sponsor-applications', event), contactEmail: email }, 'deck', {
        bytes: pdfBytes(4000),
        name: 'deck-s3.pdf',
        type: 'application/pdf',
      }),
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const [deck] = (await payload.find({ collection: 'sponsor-decks', where: { application: { equals: response.body.doc.id } } })).docs
    return deck
  }

  it('are stored in the bucket when the public applies', async () => {
    const deck = await applyWithDeck(`s3-stored-${Date.now()}@example.com`)
    expect(await s3.keys('sponsor-decks/')).toContain(`sponsor-decks/${deck.filename}`)
    expect(existsSync(path.resolve('.data/sponsor-decks', deck.filename!))).toBe(false)
  })

  it('are read by staff through the app, and by nobody else', async () => {
    const deck = await applyWithDeck(`s3-read-${Date.now()}@example.com`)
    const asStaff = await staff.client.get(`/sponsor-decks/file/${deck.filename}`)
    expect(asStaff.status).toBe(200)
    expect(asStaff.headers.get('content-type')).toBe('application/pdf')
    expect(asStaff.headers.get('cache-control')).toBe('private, no-store')
    expect(String(asStaff.body)).toMatch(/^%PDF-1\.4/)
    expect((await anonymous.get(`/sponsor-decks/file/${deck.filename}`)).status).toBe(403)
    expect((await editor.client.get(`/sponsor-decks/file/${deck.filename}`)).status).toBe(403)
  })

  it('leave the bucket when staff erase the applicant’s data', async () => {
    const email = `s3-erased-${Date.now()}@example.com`
    const deck = await applyWithDeck(email)
    expect(await s3.keys('sponsor-decks/')).toContain(`sponsor-decks/${deck.filename}`)
    const erased = await staff.client.post('/privacy/erase', { body: { email } })
    expect(erased.status).toBe(200)
    expect(await s3.keys('sponsor-decks/')).not.toContain(`sponsor-decks/${deck.filename}`)
    expect((await payload.count({ collection: 'sponsor-decks', where: { id: { equals: deck.id } } })).totalDocs).toBe(0)
  })
})
