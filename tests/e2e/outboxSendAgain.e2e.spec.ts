import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findFreePort } from '@/scripts/findFreePort'

import { type AppServer, startAppServer } from '../helpers/appServer'
import { launchChromium, loginToAdmin } from '../helpers/browser'
import { httpJson } from '../helpers/httpClient'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer'
import { openEventData } from '../helpers/events'
import { appEnv, createTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { registerFirstAdmin } from '../helpers/twoFactor'
import { waitFor } from '../helpers/waitFor'

// Screens to look at by eye, at a laptop and a phone width: SCREENSHOT_DIR=/tmp/shots npm run test:e2e
const SCREENSHOTS = process.env.SCREENSHOT_DIR
const run = Date.now().toString(36)
const staff = { email: `staff-${run}@otei.test`, password: `staff-password-${run}` }
const failing = `failing-${run}@example.com`
const delivered = `delivered-${run}@example.com`
let database: TestDatabase
let server: AppServer
let smtpPort: number
let smtp: TestSmtpServer | undefined
let token: string
let browser: Browser
let page: Page
const outboxIds: Record<string, number> = {}

/** The outbox row of the one email to `address`, once it has `status`. */
const outboxEntry = (address: string, status: string) =>
  waitFor(`the email to ${address} ${status}`, async () => {
    const query = `where[to][equals]=${encodeURIComponent(address)}&depth=0`
    const { body } = await httpJson(server.baseURL, 'GET', `/api/email-outbox?${query}`, { token })
    return body.docs?.[0]?.status === status ? (body.docs[0] as { id: number }) : undefined
  })

const register = async (email: string, eventId: number) => {
  const body = {
    event: eventId,
    firstName: 'Kemi',
    lastName: 'Ajayi',
    email,
    phone: '0803 123 4567',
    city: 'Ogbomoso',
    participantCategories: ['student'],
    physicalEventAck: true,
  }
  expect((await httpJson(server.baseURL, 'POST', '/api/registrations', { body })).status).toBe(201)
}

const screenshot = async (name: string) => {
  if (!SCREENSHOTS) return
  for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${label}.png` })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

// A server of its own: one attempt per email (EMAIL_MAX_ATTEMPTS=1), so an email fails for good
// in a second, and an SMTP port only this file listens on, so SMTP is down until it starts one.
beforeAll(async () => {
  if (SCREENSHOTS) await mkdir(SCREENSHOTS, { recursive: true })
  database = await createTestDatabase('send_again')
  smtpPort = await findFreePort()
  server = await startAppServer({
    ...appEnv(database.url),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    EMAIL_MAX_ATTEMPTS: '1',
  })
  token = (await registerFirstAdmin(server.baseURL, { email: `admin-${run}@otei.test`, password: `admin-password-${run}` })).token
  expect((await httpJson(server.baseURL, 'POST', '/api/users', { token, body: { ...staff, roles: ['staff'] } })).status).toBe(201)
  const event = await httpJson(server.baseURL, 'POST', '/api/events', {
    token,
    body: openEventData({ name: `Requeue Day ${run}` }),
  })
  expect(event.status).toBe(201)

  // With nothing listening on the SMTP port, the server's job queue gives this email up.
  await register(failing, event.body.doc.id)
  outboxIds[failing] = (await outboxEntry(failing, 'failed')).id
  smtp = await startSmtpServer(smtpPort)
  await register(delivered, event.body.doc.id)
  outboxIds[delivered] = (await outboxEntry(delivered, 'sent')).id

  browser = await launchChromium()
  page = await browser.newPage({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 } })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await smtp?.stop()
  await server?.stop()
  await database?.drop()
})

describe('a failed outbox email in the admin as staff', () => {
  it('is queued again by "Send again", shows Queued, and then reaches the recipient', async () => {
    await loginToAdmin(page, staff.email, staff.password)
    await page.goto(`/admin/collections/email-outbox/${outboxIds[failing]}`)
    const sendAgain = page.getByRole('button', { name: 'Send again', exact: true })
    await sendAgain.waitFor()
    await page.locator('#field-status').getByText('Failed (gave up)', { exact: true }).waitFor()
    await screenshot('failed-entry')

    const [requeued] = await Promise.all([
      page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().endsWith(`/api/email-outbox/${outboxIds[failing]}/requeue`),
      ),
      sendAgain.click(),
    ])
    expect(requeued.status()).toBe(200)
    await page.locator('#field-status').getByText('Queued', { exact: true }).waitFor()
    await page.getByText('The email is queued to be sent again.').waitFor()
    await page.locator('#field-requeuedBy').getByText(staff.email).waitFor()
    expect(await sendAgain.count()).toBe(0)
    await screenshot('after-send-again')

    // The server's own job queue sends it now that SMTP listens.
    await waitFor(`the email to ${failing}`, async () => (smtp!.to(failing).length ? true : undefined))
    await outboxEntry(failing, 'sent')
    expect(smtp!.to(failing)).toHaveLength(1)
  })
})

describe('a sent outbox email in the admin as staff', () => {
  it('offers no "Send again"', async () => {
    await page.goto(`/admin/collections/email-outbox/${outboxIds[delivered]}`)
    await page.locator('#field-status').getByText('Sent', { exact: true }).waitFor()
    expect(await page.getByRole('button', { name: 'Send again', exact: true }).count()).toBe(0)
    await screenshot('sent-entry')
  })
})
