import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { launchChromium, loginToAdmin } from '../helpers/browser'
import { SEEDED_ADMIN } from '../helpers/credentials'

const baseURL = inject('baseURL')
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.newPage({ baseURL, viewport: { width: 1400, height: 1000 } })
})

afterAll(async () => {
  await browser?.close()
})

describe('events in the admin as the seeded admin', () => {
  const eventName = `E2E Founders Summit ${Date.now()}`

  it('logs in at /admin', async () => {
    await loginToAdmin(page, SEEDED_ADMIN.email, SEEDED_ADMIN.password)
    await page.getByRole('link', { name: 'Events' }).first().waitFor()
  })

  it('creates and publishes an event', async () => {
    await page.goto('/admin/collections/events/create')
    await page.locator('#field-name').fill(eventName)
    await page.locator('#field-startsAt input').fill('Mar 20, 2027 9:00 AM')
    await page.locator('#field-startsAt input').press('Escape')
    await page.locator('#field-endsAt input').fill('Mar 20, 2027 5:00 PM')
    await page.locator('#field-endsAt input').press('Escape')
    await page.locator('#field-venue').fill('LAUTECH Main Auditorium')

    const saved = page.waitForResponse(
      (response) => response.request().method() === 'POST' && /\/api\/events(\?|$)/.test(response.url()),
    )
    await page.getByRole('button', { name: 'Publish changes' }).click()
    const response = await saved
    expect(response.status()).toBe(201)
    const { doc } = await response.json()
    expect(doc).toMatchObject({ name: eventName, _status: 'published', timezone: 'Africa/Lagos' })
    await page.waitForURL(new RegExp(`/admin/collections/events/${doc.id}$`))
  })

  it('sees the new event in the events list', async () => {
    // Other e2e files add events that start later and come first: one page holds them all.
    await page.goto('/admin/collections/events?limit=100')
    await page.getByRole('link', { name: eventName }).waitFor()
    // The seeded sample event is listed too.
    await page.getByRole('link', { name: 'Ogbomoso Tech & Entrepreneurship Ignite 2027' }).waitFor()
  })

  it('logs out and is sent back to the login form', async () => {
    await page.goto('/admin/logout')
    await page.locator('#field-email').waitFor()
    await page.goto('/admin/collections/events')
    await page.waitForURL(/\/admin\/login/)
    await page.locator('#field-password').waitFor()
  })
})
