import { mkdir } from 'node:fs/promises'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { enterTwoFactorCode, launchChromium, loginToAdmin } from '../helpers/browser'
import { SEEDED_ADMIN } from '../helpers/credentials'
import { httpJson } from '../helpers/httpClient'
import { currentCode, wrongCode } from '../helpers/twoFactor'

// Screens to look at by eye, at a laptop and a phone width: SCREENSHOT_DIR=/tmp/shots npm run test:e2e
const SCREENSHOTS = process.env.SCREENSHOT_DIR
const baseURL = inject('baseURL')
const run = Date.now().toString(36)
const staff = { email: `tfa-staff-${run}@otei.test`, password: `staff-password-${run}` }
const newAdmin = { email: `tfa-admin-${run}@otei.test`, password: `admin-password-${run}` }
let browser: Browser
let context: BrowserContext
let page: Page
let staffSecret: string
let adminSecret: string

const screenshot = async (name: string) => {
  if (!SCREENSHOTS) return
  for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: `${SCREENSHOTS}/two-factor-${name}-${label}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

/** Who the page's cookie signs in, asked as the admin's own scripts ask (same origin). */
const signedInEmail = () =>
  page.evaluate(async () => {
    const { user } = (await (await fetch('/api/users/me', { credentials: 'include' })).json()) as { user: { email: string } | null }
    return user?.email ?? null
  })

/** Set up in the browser: reads the secret the screen shows, types its code; the secret and the recovery codes shown. */
async function enrolInBrowser(screenshotName?: string): Promise<{ secret: string; codes: string[] }> {
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
  const secretText = page.getByTestId('two-factor-secret')
  await secretText.waitFor()
  expect(await page.getByRole('img', { name: 'QR code of the two-factor secret' }).locator('svg').count()).toBe(1)
  if (screenshotName) await screenshot(screenshotName)
  const secret = (await secretText.textContent())!.replace(/\s/g, '')
  await page.locator('#field-twoFactorCode').fill(currentCode(secret))
  await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click()
  const codes = page.getByRole('list', { name: 'Recovery codes' }).locator('li')
  await codes.first().waitFor()
  return { secret, codes: await codes.allTextContents() }
}

beforeAll(async () => {
  if (SCREENSHOTS) await mkdir(SCREENSHOTS, { recursive: true })
  const login = await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })
  expect(login.body.twoFactor).toBeUndefined()
  const { token } = login.body
  expect((await httpJson(baseURL, 'POST', '/api/users', { token, body: { ...staff, roles: ['staff'] } })).status).toBe(201)
  expect((await httpJson(baseURL, 'POST', '/api/users', { token, body: { ...newAdmin, roles: ['admin'] } })).status).toBe(201)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('two-factor authentication in the admin as staff', () => {
  beforeAll(async () => {
    context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } })
    page = await context.newPage()
  })

  it('is set up from the account page: QR code and key, one code, then ten recovery codes', async () => {
    await loginToAdmin(page, staff.email, staff.password)
    await page.goto('/admin/account')
    await page.getByRole('link', { name: 'Set up' }).waitFor()
    await screenshot('account')
    await page.getByRole('link', { name: 'Set up' }).click()
    await page.waitForURL(/\/admin\/two-factor$/)
    await page.getByRole('heading', { name: 'Two-factor authentication', level: 1 }).waitFor()
    await screenshot('settings-off')
    const { secret, codes } = await enrolInBrowser('setup')
    staffSecret = secret
    expect(codes).toHaveLength(10)
    await screenshot('recovery-codes')
    await page.getByRole('button', { name: 'Done' }).click()
    await page.getByText('Status: on.').waitFor()
    await screenshot('settings-on')
  })

  it('asks for the code at the next sign-in, refuses a wrong one, and lets the right one in', async () => {
    await page.goto('/admin/logout')
    await page.locator('#field-email').waitFor()
    await page.locator('#field-email').fill(staff.email)
    await page.locator('#field-password').fill(staff.password)
    await page.locator('button[type=submit]').click()
    await page.waitForURL(/\/admin\/two-factor(\?|$)/)
    await page.getByText('Enter the 6-digit code from your authenticator app.').waitFor()
    await screenshot('sign-in')

    // The session is not accepted anywhere until then: an admin page leads back here.
    await page.goto('/admin/collections/registrations')
    await page.waitForURL(/\/admin\/two-factor\?redirect=/)
    expect(await signedInEmail()).toBeNull()

    await enterTwoFactorCode(page, wrongCode(staffSecret))
    await page.getByRole('alert').getByText('That code is not valid').waitFor()
    await screenshot('sign-in-wrong-code')

    await enterTwoFactorCode(page, currentCode(staffSecret))
    await page.waitForURL(/\/admin\/collections\/registrations/)
    expect(await signedInEmail()).toBe(staff.email)
  })
})

describe('two-factor authentication for an admin on the production server', () => {
  beforeAll(async () => {
    await context?.close()
    context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } })
    page = await context.newPage()
  })

  it('refuses a REST client the admin’s session until the admin has enrolled', async () => {
    const login = await httpJson(baseURL, 'POST', '/api/users/login', { body: newAdmin })
    expect(login.status).toBe(200)
    expect(login.body.twoFactor).toBe('enrolment-required')
    expect((await httpJson(baseURL, 'GET', '/api/users', { token: login.body.token })).status).toBe(403)
    expect((await httpJson(baseURL, 'GET', '/api/registrations', { token: login.body.token })).status).toBe(403)
  })

  it('sends a new admin to enrol before anything else, then into the admin', async () => {
    await page.goto('/admin/login')
    await page.locator('#field-email').fill(newAdmin.email)
    await page.locator('#field-password').fill(newAdmin.password)
    await page.locator('button[type=submit]').click()
    await page.waitForURL(/\/admin\/two-factor(\?|$)/)
    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor()
    await screenshot('admin-must-enrol')
    await page.goto('/admin/collections/users')
    await page.waitForURL(/\/admin\/two-factor\?redirect=/)

    const { secret, codes } = await enrolInBrowser()
    adminSecret = secret
    expect(codes).toHaveLength(10)
    await page.getByRole('button', { name: 'I have saved them, continue' }).click()
    await page.waitForURL(/\/admin\/collections\/users/)
    await page.getByRole('link', { name: newAdmin.email }).waitFor()
  })

  it('asks the enrolled admin for a code from then on, over REST too', async () => {
    const login = await httpJson(baseURL, 'POST', '/api/users/login', { body: newAdmin })
    expect(login.body.twoFactor).toBe('code-required')
    const withCode = await httpJson(baseURL, 'POST', '/api/users/login', { body: { ...newAdmin, code: currentCode(adminSecret) } })
    expect(withCode.status).toBe(200)
    expect((await httpJson(baseURL, 'GET', '/api/users', { token: withCode.body.token })).status).toBe(200)
  })
})
