import { existsSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { pseudonymize } from '@/lib/pseudonymize'

import { runQueuedJobs } from '../helpers/jobs'
import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import type { RestClient as RestClientType } from '../helpers/restClient'
import { startSiteverifyServer } from '../helpers/siteverifyServer'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { pdfBytes, uploadForm } from '../helpers/uploads'
import type { TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

// This file's own limits, read when its database's limiters are first used: privacy requests
// per IP and per address. Every other request comes from an IP of its own.
process.env.RATE_LIMIT_FORM_PER_IP = '4'
process.env.RATE_LIMIT_FORM_PER_EMAIL = '3'

let own: OwnDatabase
let payload: Payload
let smtp: TestSmtpServer
let anonymous: RestClientType
let staff: TestUser
let editor: TestUser
let database: pg.Client

let ipCounter = 0
const freshIp = () => ({ 'X-Forwarded-For': `198.51.${process.pid % 250}.${++ipCounter}` })

beforeAll(async () => {
  own = await useOwnDatabase('privacy')
  payload = own.payload
  anonymous = own.RestClient.anonymous()
  smtp = await startSmtpServer(Number(process.env.SMTP_PORT))
  const { createUser } = await import('../helpers/users')
  await createUser(payload, ['admin']) // the first account of a database always becomes admin
  staff = await createUser(payload, ['staff'])
  editor = await createUser(payload, ['editor'])
  database = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await database.connect()
})

afterAll(async () => {
  await database?.end()
  await smtp?.stop()
  await own?.drop()
})

/** A person who registered, applied to volunteer and to sponsor (with a deck), was emailed, and once tripped the honeypot. */
async function personWithHistory() {
  const email = `subject-${Date.now().toString(36)}${++ipCounter}@example.com`
  const lastName = `Erasable${ipCounter}${Date.now().toString(36)}`
  const [first, second] = [(await createOpenEvent(payload)).id, (await createOpenEvent(payload)).id]
  const post = async (collection: string, body: Record<string, unknown>, deck?: Buffer) => {
    const form = deck && uploadForm(body, 'deck', { bytes: deck, name: 'sponsorship-deck.pdf', type: 'application/pdf' })
    const response = await anonymous.post(`/${collection}`, form ? { form, headers: freshIp() } : { body, headers: freshIp() })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc.id as number
  }
  const registration = await post('registrations', { ...validSubmission('registrations', first), email, lastName })
  const volunteer = await post('volunteer-applications', { ...validSubmission('volunteer-applications', first), email, fullName: `Ada ${lastName}` })
  const sponsor = await post('sponsor-applications', { ...validSubmission('sponsor-applications', second), contactEmail: email, contactPersonName: `Ada ${lastName}` }, pdfBytes(1000))
  // A bot (or a mistake) filled the honeypot with this address: stored as spam, and a security event.
  await post('registrations', { ...validSubmission('registrations', second), email, lastName, faxNumber: '+1 555 0100' })
  await waitFor('the honeypot security event', async () =>
    (await payload.count({ collection: 'security-events', where: { emailHash: { equals: pseudonymize(email) } } })).totalDocs || undefined,
  )
  await runQueuedJobs(payload)
  return { email, lastName, events: [first, second], ids: { registration, volunteer, sponsor } }
}

/** Every table of the database, whatever its schema, with the rows whose text holds `needle`. */
async function tablesHolding(needle: string): Promise<Record<string, number>> {
  const { rows: tables } = await database.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  )
  expect(tables.length).toBeGreaterThan(20) // the query sees the schema
  const found: Record<string, number> = {}
  for (const { schema, name } of tables) {
    const table = `${database.escapeIdentifier(schema)}.${database.escapeIdentifier(name)}`
    const { rows } = await database.query<{ count: string }>(`select count(*) from ${table} t where strpos(lower(t::text), lower($1)) > 0`, [needle])
    if (Number(rows[0].count)) found[`${schema}.${name}`] = Number(rows[0].count)
  }
  return found
}

describe('staff handling a data-subject request', () => {
  it('export everything held about an address as one JSON file: each record the database holds of it', async () => {
    const person = await personWithHistory()
    const response = await staff.client.post('/privacy/export', { body: { email: person.email.toUpperCase() } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="personal-data-${pseudonymize(person.email)}.json"`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const exported = response.body
    expect(exported.about).toBe(person.email)
    expect(exported.submissions.registrations.map((doc: { status: string }) => doc.status).sort()).toEqual(['pending-confirmation', 'spam'])
    expect(exported.submissions['volunteer-applications'].map((doc: { id: number }) => doc.id)).toEqual([person.ids.volunteer])
    expect(exported.submissions['sponsor-applications'].map((doc: { id: number }) => doc.id)).toEqual([person.ids.sponsor])
    // Personal fields come whole, the health-related ones included.
    const registration = exported.submissions.registrations.find((doc: { id: number }) => doc.id === person.ids.registration)
    expect(registration).toMatchObject({ lastName: person.lastName, phone: '+2348031234567', accessibilityNeeds: 'Step-free access' })
    expect(exported.events.map((event: { id: number }) => event.id).sort()).toEqual([...person.events].sort())
    expect(exported.securityEvents).toEqual([expect.objectContaining({ kind: 'honeypot', form: 'registrations' })])
    const [deck] = (await payload.find({ collection: 'sponsor-decks', where: { application: { equals: person.ids.sponsor } } })).docs
    expect(exported.files).toEqual([
      {
        collection: 'sponsor-decks',
        id: deck.id,
        submission: { collection: 'sponsor-applications', id: person.ids.sponsor },
        name: deck.filename,
        size: pdfBytes(1000).length,
        type: 'application/pdf',
        staffDownloadPath: `/api/sponsor-decks/file/${deck.filename}`,
      },
    ])
    const [audit] = (await payload.find({ collection: 'audit-log', where: { action: { equals: 'export' }, subjectHash: { equals: pseudonymize(person.email) } }, depth: 0 })).docs
    expect(audit).toMatchObject({ collection: 'privacy', user: staff.id, detail: { by: 'staff' } })

    // Each row of the database that holds the address is in the export (rate-limit counters aside).
    const holding = await tablesHolding(person.email)
    const rowsExported: Record<string, number> = {
      'public.registrations': exported.submissions.registrations.length,
      'public.volunteer_applications': exported.submissions['volunteer-applications'].length,
      'public.sponsor_applications': exported.submissions['sponsor-applications'].length,
      'public.email_outbox': exported.emails.length,
    }
    const { ['public.rate_limits']: counters, ...records } = holding
    expect(counters).toBeGreaterThan(0)
    expect(records).toEqual(rowsExported)
    expect(exported.emails.length).toBeGreaterThanOrEqual(3)
    expect(exported.emails.every((email: { status: string }) => email.status === 'sent')).toBe(true)
  })

  it('erase it: afterwards no table of the database holds the address or the name, and the deck is gone from disk', async () => {
    const person = await personWithHistory()
    expect(Object.keys(await tablesHolding(person.email)).length).toBeGreaterThan(3)
    const [deck] = (await payload.find({ collection: 'sponsor-decks', where: { application: { equals: person.ids.sponsor } } })).docs
    const deckFile = path.resolve('.data/sponsor-decks', deck.filename!)
    expect(existsSync(deckFile)).toBe(true)
    const response = await staff.client.post('/privacy/erase', { body: { email: person.email } })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      message: 'Everything held about this address is erased.',
      erased: { submissions: { registrations: 2, 'volunteer-applications': 1, 'sponsor-applications': 1 }, securityEvents: 1, files: 1, staffAccount: false },
    })
    expect(existsSync(deckFile)).toBe(false)
    expect((await payload.count({ collection: 'sponsor-decks', where: { id: { equals: deck.id } } })).totalDocs).toBe(0)
    expect(await tablesHolding(person.email)).toEqual({})
    expect(await tablesHolding(person.lastName)).toEqual({})
    // What is left is the audit entry, holding a keyed hash of the address and the counts.
    const erasures = await payload.find({ collection: 'audit-log', where: { action: { equals: 'erase' }, subjectHash: { equals: pseudonymize(person.email) } }, depth: 0 })
    expect(erasures.docs).toEqual([expect.objectContaining({ user: staff.id, detail: expect.objectContaining({ by: 'staff', securityEvents: 1 }) })])
    expect((await payload.count({ collection: 'security-events', where: { emailHash: { equals: pseudonymize(person.email) } } })).totalDocs).toBe(0)

    // The rate-limit counters went too: the person can post again at once.
    const again = await anonymous.post('/registrations', { body: { ...validSubmission('registrations', person.events[0]), email: person.email }, headers: freshIp() })
    expect(again.status).toBe(201)

    const repeat = await staff.client.post('/privacy/erase', { body: { email: `nobody-${ipCounter}@example.com` } })
    expect(repeat.body).toMatchObject({ message: 'Nothing was held about this address.' })
  })

  it("erasing a registrant frees their place for the first person on the waitlist", async () => {
    const event = (await createOpenEvent(payload, { capacity: 1, requireEmailConfirmation: false })).id
    const register = async () => {
      const body = validSubmission('registrations', event)
      const response = await anonymous.post('/registrations', { body, headers: freshIp() })
      return { email: body.email as string, id: response.body.doc.id as number }
    }
    const status = async (id: number) => (await payload.findByID({ collection: 'registrations', id, depth: 0 })).status
    const holder = await register()
    const waiting = await register()
    expect([await status(holder.id), await status(waiting.id)]).toEqual(['confirmed', 'waitlisted'])
    expect((await staff.client.post('/privacy/erase', { body: { email: holder.email } })).status).toBe(200)
    await runQueuedJobs(payload)
    expect(await status(waiting.id)).toBe('offered')
  })

  it('is for staff and admins only, and a bad address is a field error', async () => {
    const body = { email: 'someone@example.com' }
    expect((await anonymous.post('/privacy/export', { body })).status).toBe(401)
    for (const path of ['/privacy/lookup', '/privacy/export', '/privacy/erase']) {
      const refused = await editor.client.post(path, { body })
      expect(refused.status).toBe(403)
    }
    const invalid = await staff.client.post('/privacy/erase', { body: { email: 'not an address' } })
    expect(invalid.status).toBe(400)
    expect(invalid.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'email', message: expect.stringMatching(/valid email/) })])
  })

  it('look up an address first: its submissions with their form, event and status', async () => {
    const person = await personWithHistory()
    const response = await staff.client.post('/privacy/lookup', { body: { email: person.email } })
    expect(response.status).toBe(200)
    expect(response.body.counts).toMatchObject({ submissions: { registrations: 2, 'volunteer-applications': 1, 'sponsor-applications': 1 }, securityEvents: 1 })
    expect(response.body.submissions).toContainEqual(expect.objectContaining({ collection: 'registrations', id: person.ids.registration, status: 'Waiting for email confirmation', event: expect.stringMatching(/^Test Event/) }))
  })
})

describe('a person asking for their own data', () => {
  afterEach(() => {
    delete process.env.CAPTCHA_PROVIDER
    delete process.env.CAPTCHA_VERIFY_URL
    delete process.env.CAPTCHA_SECRET
  })

  const ask = (email: string, headers: Record<string, string> = freshIp()) => anonymous.post('/privacy/requests', { body: { email }, headers })
  /** The answer as a client sees it, the parts that differ between any two answers aside. */
  const observable = (response: Awaited<ReturnType<typeof ask>>) => ({
    status: response.status,
    body: response.body,
    headers: [...response.headers.entries()].filter(([name]) => name !== 'date'),
  })

  it('gets the same answer for a known and an unknown address, and only the known one gets a link', async () => {
    const person = await personWithHistory()
    const unknown = `never-seen-${ipCounter}@example.com`
    const [known, stranger] = [await ask(person.email), await ask(unknown)]
    expect(known.status).toBe(202)
    expect(observable(known)).toEqual(observable(stranger))
    expect(known.body.message).toMatch(/If we hold data about this address/)

    const before = smtp.received.length
    await runQueuedJobs(payload)
    const [link] = await waitFor('the privacy link', async () => (smtp.to(person.email).some((email) => email.subject === 'The data OTEI holds about you') ? smtp.to(person.email).filter((email) => email.subject === 'The data OTEI holds about you') : undefined))
    expect(smtp.to(unknown)).toEqual([])
    expect(smtp.received.length - before).toBe(1)
    // The queue never held the address in clear.
    expect(await tablesHolding(unknown)).toEqual({ 'public.rate_limits': 1 })
    expect(link.text).toMatch(/\/api\/privacy\/me\?token=/)
  })

  it('follows the link to see what is held, download it, and erase it after confirming', async () => {
    const person = await personWithHistory()
    await ask(person.email)
    await runQueuedJobs(payload)
    const email = await waitFor('the privacy link', async () => smtp.to(person.email).find((sent) => sent.subject === 'The data OTEI holds about you'))
    const url = new URL(/https?:\/\/\S+\/api\/privacy\/me\?token=[\w.-]+/.exec(email.text)![0])
    const token = url.searchParams.get('token')!

    const summary = await anonymous.get('/privacy/me', { query: { token } })
    expect(summary.status).toBe(200)
    expect(summary.body).toMatchObject({ email: person.email, counts: { submissions: { registrations: 2, 'volunteer-applications': 1, 'sponsor-applications': 1 } } })
    const page = await anonymous.get('/privacy/me', { query: { token }, headers: { Accept: 'text/html' } })
    expect(page.body).toContain('Download my data')
    expect(page.body).toContain('Erase my data')

    const download = await anonymous.get('/privacy/me/export', { query: { token } })
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="personal-data-[0-9a-f]{16}\.json"$/)
    expect(download.body.submissions['volunteer-applications'][0].id).toBe(person.ids.volunteer)

    // The first click only asks; nothing is erased yet.
    const asked = await anonymous.post(`/privacy/me?token=${token}`, { rawBody: 'action=erase', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' } })
    expect(asked.status).toBe(200)
    expect(asked.body).toContain('Yes, erase everything')
    expect(await payload.count({ collection: 'registrations', where: { email: { equals: person.email } } })).toMatchObject({ totalDocs: 2 })

    const erased = await anonymous.post(`/privacy/me?token=${token}`, { rawBody: 'action=erase&confirm=yes', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' } })
    expect(erased.status).toBe(200)
    expect(erased.body).toContain('Your data is erased.')
    expect(erased.body).toContain('We hold no personal data about')
    expect(await tablesHolding(person.email)).toEqual({})
  })

  it('cannot use a forged, altered or expired link', async () => {
    const { privacyToken } = await import('@/privacy/privacyLink')
    const expired = privacyToken('someone@example.com', new Date(Date.now() - 1000))
    expect((await anonymous.get('/privacy/me', { query: { token: expired } })).status).toBe(410)
    const valid = privacyToken('someone@example.com', new Date(Date.now() + 60_000))
    const altered = valid.slice(0, -3) + (valid.endsWith('AAA') ? 'BBB' : 'AAA')
    expect((await anonymous.get('/privacy/me', { query: { token: altered } })).status).toBe(400)
    expect((await anonymous.get('/privacy/me/export', { query: { token: 'v1.abc.def.ghi' } })).status).toBe(400)
    expect((await anonymous.get('/privacy/me')).status).toBe(400)
  })

  it('is rate limited per address and per IP, like the forms', async () => {
    const address = `limited-${ipCounter}@example.com`
    for (let request = 0; request < 3; request++) expect((await ask(address)).status).toBe(202)
    const perAddress = await ask(address)
    expect(perAddress.status).toBe(429)
    expect(Number(perAddress.headers.get('retry-after'))).toBeGreaterThan(0)

    const ip = freshIp()
    for (let request = 0; request < 4; request++) expect((await ask(`ip-${request}-${ipCounter}@example.com`, ip)).status).toBe(202)
    expect((await ask(`ip-last-${ipCounter}@example.com`, ip)).status).toBe(429)
  })

  it('is captcha-checked like the forms', async () => {
    const verifier = await startSiteverifyServer('turnstile', 'privacy-captcha-secret')
    try {
      process.env.CAPTCHA_PROVIDER = 'turnstile'
      process.env.CAPTCHA_VERIFY_URL = verifier.url
      process.env.CAPTCHA_SECRET = 'privacy-captcha-secret'
      const without = await ask(`captcha-${ipCounter}@example.com`)
      expect(without.status).toBe(400)
      expect(without.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'captchaToken', message: 'Please complete the captcha.' })])
      const withToken = await ask(`captcha-${ipCounter}@example.com`, { ...freshIp(), 'X-Captcha-Token': 'pass' })
      expect(withToken.status).toBe(202)
      expect(verifier.received.at(-1)?.response).toBe('pass')
    } finally {
      await verifier.close()
    }
  })

  it('refuses a missing or malformed address with a field error', async () => {
    const response = await anonymous.post('/privacy/requests', { body: { email: 'nope' }, headers: freshIp() })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'email' })])
  })
})
