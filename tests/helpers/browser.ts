import { type Browser, chromium, type Page } from 'playwright-core'

import { SEEDED_ADMIN, seededAdminTotpSecret } from './credentials'
import { currentCode } from './twoFactor'

/** Debian's Chromium, headless; the flags keep it off the network this machine does not have. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })

/**
 * Signs in through the admin's login form and waits for the dashboard. An account with two-factor
 * authentication on is asked for its code next (/admin/two-factor): the code of `totpSecret`,
 * which defaults to the seeded admin's own when that is the account.
 */
export async function loginToAdmin(
  page: Page,
  email: string,
  password: string,
  { totpSecret = email === SEEDED_ADMIN.email ? seededAdminTotpSecret() : undefined }: { totpSecret?: string } = {},
): Promise<void> {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  const login = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/api/users/login'))
  await page.locator('button[type=submit]').click()
  // The answer says whether a code is owed; the URL passes /admin on its way to /admin/two-factor.
  const { twoFactor } = (await (await login).json()) as { twoFactor?: string }
  if (twoFactor) {
    if (!totpSecret) throw new Error(`${email} is asked for a two-factor code (${twoFactor}), and loginToAdmin was given no secret`)
    await page.waitForURL(/\/admin\/two-factor(\?|$)/)
    await enterTwoFactorCode(page, currentCode(totpSecret))
  }
  await page.waitForURL(/\/admin$/)
}

/** On /admin/two-factor: types `code` and submits it. */
export async function enterTwoFactorCode(page: Page, code: string): Promise<void> {
  await page.locator('#field-twoFactorCode').fill(code)
  await page.getByRole('button', { name: 'Verify' }).click()
}
