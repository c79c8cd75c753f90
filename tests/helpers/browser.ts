import { type Browser, chromium, type Page } from 'playwright-core'

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

/** Signs in through the admin's login form and waits for the dashboard. */
export async function loginToAdmin(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type=submit]').click()
  await page.waitForURL(/\/admin$/)
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
