import { mkdir, readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium, loginToAdmin } from '../helpers/browser'
import { SEEDED_ADMIN } from '../helpers/credentials'
import { openEventData } from '../helpers/events'
import { httpJson } from '../helpers/httpClient'

// Screens to look at by eye, at a laptop and a phone width: SCREENSHOT_DIR=/tmp/shots npm run test:e2e
const SCREENSHOTS = process.env.SCREENSHOT_DIR
const baseURL = inject('baseURL')
const run = Date.now().toString(36)
const staff = { email: `privacy-staff-${run}@otei.test`, password: `privacy-staff-password-${run}` }
const person = { email: `forget-me-${run}@example.com`, lastName: `Forgettable${run}` }
let token: string
let browser: Browser
let page: Page
let registrationId: number

const screenshot = async (name: string) => {
  if (!SCREENSHOTS) return
  for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${label}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

beforeAll(async () => {
  if (SCREENSHOTS) await mkdir(SCREENSHOTS, { recursive: true })
  token = (await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })).body.token
  expect((await httpJson(baseURL, 'POST', '/api/users', { token, body: { ...staff, roles: ['staff'] } })).status).toBe(201)
  const event = await httpJson(baseURL, 'POST', '/api/events', { token, body: openEventData({ name: `Privacy Day ${run}` }) })
  expect(event.status).toBe(201)
  const registration = await httpJson(baseURL, 'POST', '/api/registrations', {
    body: {
      event: event.body.doc.id,
      firstName: 'Ngozi',
      lastName: person.lastName,
      email: person.email,
      phone: '0803 123 4567',
      city: 'Ogbomoso',
      participantCategories: ['student'],
      physicalEventAck: true,
    },
  })
  expect(registration.status).toBe(201)
  registrationId = registration.body.doc.id
  browser = await launchChromium()
  page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 800 }, acceptDownloads: true })
  await loginToAdmin(page, staff.email, staff.password)
})

afterAll(async () => {
  await browser?.close()
})

describe('staff handling a request to see and erase personal data, in the admin', () => {
  it('find the person by email from the nav, with their registration listed', async () => {
    await page.locator('#nav-personal-data').click()
    await page.waitForURL(/\/admin\/privacy$/)
    await expect(page.getByRole('heading', { name: 'Personal data requests' }).isVisible()).resolves.toBe(true)
    await screenshot('personal-data-empty')
    await page.getByLabel('Email address').fill(person.email.toUpperCase())
    await page.getByRole('button', { name: 'Find' }).click()
    const result = page.locator('.personal-data__result')
    await result.getByRole('heading', { name: person.email }).waitFor()
    const row = result.locator('tbody tr')
    await expect(row.count()).resolves.toBe(1)
    await expect(row.innerText()).resolves.toMatch(new RegExp(`registration\\s+Privacy Day ${run}\\s+Waiting for email confirmation`))
    await screenshot('personal-data-found')
  })

  it('download their data as one JSON file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download their data' }).click()])
    expect(download.suggestedFilename()).toMatch(/^personal-data-[0-9a-f]{16}\.json$/)
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'))
    expect(exported.about).toBe(person.email)
    expect(exported.submissions.registrations).toEqual([expect.objectContaining({ id: registrationId, lastName: person.lastName })])
    expect(exported.emails.length).toBeGreaterThanOrEqual(1)
  })

  it('erase them, once the address is typed again', async () => {
    await page.getByRole('button', { name: 'Erase…' }).click()
    const erase = page.getByRole('button', { name: 'Erase everything' })
    await expect(erase.isDisabled()).resolves.toBe(true)
    await page.getByLabel('Type the email address to confirm').fill(person.email)
    await screenshot('personal-data-confirm')
    await erase.click()
    await page.getByText('Everything held about this address is erased.').waitFor()
    await page.locator('.personal-data__result').getByText('Nothing is held about this address.').waitFor()
    await screenshot('personal-data-erased')

    const after = await httpJson(baseURL, 'GET', `/api/registrations?where[email][equals]=${encodeURIComponent(person.email)}&depth=0`, { token })
    expect(after.body.totalDocs).toBe(0)
    const outbox = await httpJson(baseURL, 'GET', `/api/email-outbox?where[to][equals]=${encodeURIComponent(person.email)}&depth=0`, { token })
    expect(outbox.body.totalDocs).toBe(0)
  })
})
