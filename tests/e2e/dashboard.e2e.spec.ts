import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { SubmissionSlug } from '@/submissions'

import { launchChromium, loginToAdmin } from '../helpers/browser'
import { SEEDED_ADMIN } from '../helpers/credentials'
import { httpJson } from '../helpers/httpClient'
import { validSubmission } from '../helpers/submissions'

// The rows the dashboard counts are set up through the Local API, on the server's database: they
// need chosen days and statuses without the emails a client's submission would queue (which would
// move the outbox counts while the test reads them), and no client may write outbox rows at all.
// Set before the config loads; this process runs no jobs (the server does).
process.env.DATABASE_URL = inject('databaseUrl')
process.env.PAYLOAD_SECRET ||= randomBytes(24).toString('hex')
process.env.JOBS_AUTORUN = 'false'
const { getTestPayload } = await import('../helpers/payload')

const baseURL = inject('baseURL')
const run = Date.now().toString(36)
const staff = { email: `dash-staff-${run}@otei.test`, password: `staff-password-${run}` }
const editor = { email: `dash-editor-${run}@otei.test`, password: `editor-password-${run}` }
const eventName = `Dashboard Day ${run}`
let payload: Payload
let browser: Browser
let page: Page
let eventId: number

const seed = (collection: SubmissionSlug, status: string, createdAt: string) =>
  payload.db.create({ collection, data: { ...validSubmission(collection, eventId), name: 'Ada Okafor', status, createdAt } })

beforeAll(async () => {
  const { token } = (await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })).body
  for (const [user, role] of [[staff, 'staff'], [editor, 'editor']] as const) {
    expect((await httpJson(baseURL, 'POST', '/api/users', { token, body: { ...user, roles: [role] } })).status).toBe(201)
  }
  const event = await httpJson(baseURL, 'POST', '/api/events', {
    token,
    body: {
      name: eventName,
      startsAt: '2027-10-01T08:00:00.000Z',
      endsAt: '2027-10-01T17:00:00.000Z',
      timezone: 'Africa/Lagos',
      capacity: 5,
      _status: 'published',
    },
  })
  expect(event.status).toBe(201)
  eventId = event.body.doc.id

  payload = await getTestPayload()
  // Days in Lagos (UTC+1), spam aside: 10 Nov 2, 11 Nov 1 (23:30 UTC on the 10th), 12 Nov 4.
  await seed('registrations', 'confirmed', '2026-11-10T09:00:00.000Z')
  await seed('registrations', 'cancelled', '2026-11-10T12:00:00.000Z')
  await seed('registrations', 'confirmed', '2026-11-10T23:30:00.000Z')
  await seed('registrations', 'spam', '2026-11-11T12:00:00.000Z')
  await seed('registrations', 'confirmed', '2026-11-12T08:00:00.000Z')
  await seed('registrations', 'waitlisted', '2026-11-12T09:00:00.000Z')
  await seed('registrations', 'waitlisted', '2026-11-12T10:00:00.000Z')
  await seed('registrations', 'pending-confirmation', '2026-11-12T11:00:00.000Z')
  await seed('sponsor-applications', 'submitted', '2026-11-12T12:00:00.000Z')
  await seed('exhibitor-applications', 'accepted', '2026-11-12T12:00:00.000Z')
  for (const status of ['queued', 'queued', 'failed']) {
    await payload.create({
      collection: 'email-outbox',
      data: { to: `someone-${run}@example.com`, template: 'registration-received', status, event: eventId } as never,
    })
  }

  browser = await launchChromium()
  page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 800 } })
})

afterAll(async () => {
  await browser?.close()
  // The global teardown drops the database under the pool's idle connections.
  payload?.db.pool.on('error', () => {})
  await payload?.destroy()
})

const link = (name: string) => page.getByRole('link', { name, exact: true })

describe('the admin home as staff', () => {
  it('shows the event’s registrations by status and its places against the capacity', async () => {
    await loginToAdmin(page, staff.email, staff.password)
    await page.goto(`/admin?event=${eventId}`)
    await page.getByRole('heading', { name: eventName, level: 2 }).waitFor()
    for (const name of [
      'Confirmed 3',
      'Waitlisted 2',
      'Waiting for email confirmation 1',
      'Cancelled 1',
      'Expired (not confirmed in time) 0',
      'Spam (caught by the honeypot) 1',
      '8 in all',
      '3 of 5 places taken',
      '2 waitlisted',
    ]) {
      expect(await link(name).count(), name).toBe(1)
    }
    expect(await page.getByText('2 places left').count()).toBe(1)
  })

  it('shows the event’s emails and applications by status', async () => {
    for (const name of ['Queued 2', 'Sending 0', 'Failed (gave up) 1']) expect(await link(name).count(), name).toBe(1)
    const sponsors = page.getByRole('region', { name: /^Sponsor applications/ })
    const exhibitors = page.getByRole('region', { name: /^Exhibitor applications/ })
    expect(await sponsors.getByRole('link', { name: 'Submitted 1', exact: true }).count()).toBe(1)
    expect(await exhibitors.getByRole('link', { name: 'Accepted 1', exact: true }).count()).toBe(1)
    expect(await exhibitors.getByRole('link', { name: 'Submitted 0', exact: true }).count()).toBe(1)
  })

  it('draws one bar per day with registrations, days in the event’s time zone, with a text summary', async () => {
    const chart = page.getByRole('img', { name: 'Registrations per day, Tue, 10 Nov 2026 to Thu, 12 Nov 2026', exact: true })
    await chart.waitFor()
    expect(await chart.locator('rect.otei-chart__bar').count()).toBe(3)
    const bars = await chart.locator('rect.otei-chart__bar title').allTextContents()
    expect(bars).toEqual([
      'Tue, 10 Nov 2026: 2 registrations',
      'Wed, 11 Nov 2026: 1 registration',
      'Thu, 12 Nov 2026: 4 registrations',
    ])
    expect(await page.locator('figcaption').textContent()).toBe(
      '7 registrations on 3 days, Tue, 10 Nov 2026 to Thu, 12 Nov 2026. Busiest day: Thu, 12 Nov 2026, 4. Spam not counted.',
    )
  })

  it('links a number to the list of the rows it counts', async () => {
    await link('Failed (gave up) 1').click()
    await page.waitForURL(/\/admin\/collections\/email-outbox\?/)
    const url = new URL(page.url())
    expect(url.searchParams.get('where[status][equals]')).toBe('failed')
    expect(url.searchParams.get('where[event][equals]')).toBe(String(eventId))
    await page.getByRole('cell', { name: `someone-${run}@example.com` }).first().waitFor()
    expect(await page.locator('.table tbody tr').count()).toBe(1)
  })

  it('switches events with the picker, without JavaScript', async () => {
    const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() })
    const plain = await noScript.newPage()
    try {
      const other = await httpJson(baseURL, 'GET', `/api/events?where[name][not_equals]=${encodeURIComponent(eventName)}&limit=1`)
      await plain.goto(`/admin?event=${other.body.docs[0].id}`)
      await plain.getByLabel('Event', { exact: true }).selectOption(String(eventId))
      await plain.getByRole('button', { name: 'Show' }).click()
      await plain.waitForURL(new RegExp(`/admin\\?event=${eventId}$`))
      await plain.getByRole('heading', { name: eventName, level: 2 }).waitFor()
      expect(await plain.getByRole('link', { name: 'Confirmed 3', exact: true }).count()).toBe(1)
    } finally {
      await noScript.close()
    }
  })
})

describe('the admin home as an editor', () => {
  it('shows the editor’s cards and no submission numbers', async () => {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } })
    const editorPage = await context.newPage()
    try {
      await loginToAdmin(editorPage, editor.email, editor.password)
      await editorPage.goto(`/admin?event=${eventId}`)
      // The editors' own card (Payload's collection cards have an "Email templates" heading too).
      await editorPage.locator('#otei-dashboard-templates').waitFor()
      expect(await editorPage.getByRole('heading', { name: eventName }).count()).toBe(0)
      expect(await editorPage.locator('.otei-dashboard__counts, .otei-chart').count()).toBe(0)
      expect(await editorPage.getByText(/places taken|Confirmed|Waitlisted|Queued/).count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})
