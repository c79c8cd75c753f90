import { type Browser, chromium, type Locator, type Page } from 'playwright-core'

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

/**
 * Every Content-Security-Policy violation the page reports from now on, across navigations: the
 * `securitypolicyviolation` events (recorded in `window.__cspViolations` and handed to the test as
 * they happen) and console messages about the policy.
 */
export async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('__reportCspViolation', (violation: string) => violations.push(violation))
  await page.addInitScript(() => {
    const page = window as unknown as { __cspViolations: string[]; __reportCspViolation: (violation: string) => void }
    page.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (event) => {
      const violation = `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname} (${event.sourceFile}:${event.lineNumber})`
      page.__cspViolations.push(violation)
      void page.__reportCspViolation(violation)
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`)
  })
  return violations
}

/**
 * Opens an admin list and waits until it has written its query (limit, sort) into the URL: Payload's
 * list replaces the URL once it runs, and that replacement wins over a row link clicked before it
 * (the document never opens), which a busy machine makes likely.
 */
export async function openAdminList(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await page.waitForURL(/[?&]limit=/)
}

/** Picks an option of one of the admin's react-select inputs (select fields, relationships, filters). */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.locator('.rs__control').click()
  await page.locator('.rs__option', { hasText: typeof option === 'string' ? new RegExp(`^${option}$`) : option }).click()
}
