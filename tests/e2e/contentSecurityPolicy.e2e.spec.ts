import { createHash } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { collectCspViolations, launchChromium, loginToAdmin } from '../helpers/browser'
import { FRONTEND_ORIGIN, SEEDED_ADMIN } from '../helpers/credentials'
import { openEventData } from '../helpers/events'
import { httpJson } from '../helpers/httpClient'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer'
import { waitFor } from '../helpers/waitFor'

// Screens to look at by eye, at a laptop and a phone width: SCREENSHOT_DIR=/tmp/shots npm run test:e2e
const SCREENSHOTS = process.env.SCREENSHOT_DIR
const SCREENS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]
const baseURL = inject('baseURL')
const run = Date.now().toString(36)
let browser: Browser
let token: string
/**
 * This file's events start before the other files' (the events list shows the latest start first,
 * ten to a page), so they never push another file's event off the list's first page.
 */
const earlyEvent = (name: string) => openEventData({ name, startsAt: '2027-01-20T08:00:00.000Z', endsAt: '2027-01-20T17:00:00.000Z' })

const API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
const OTHER_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
}

const headersOf = (response: Response, names: string[]) => Object.fromEntries(names.map((name) => [name, response.headers.get(name)]))

/** The nonce a page's policy allows scripts by. */
const nonceOf = (policy: string | null) => policy?.match(/script-src [^;]*'nonce-([^']+)'/)?.[1]

async function screenshots(page: Page, label: string) {
  if (!SCREENSHOTS) return
  for (const { name, width, height } of SCREENS) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: `${SCREENSHOTS}/csp-${label}-${name}.png`, fullPage: true })
  }
  await page.setViewportSize(SCREENS[0])
}

beforeAll(async () => {
  token = (await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })).body.token
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('the admin in Chromium under its Content-Security-Policy, as the seeded admin', () => {
  let context: BrowserContext
  let page: Page
  let violations: string[]
  let eventId: number
  const eventName = `CSP Summit ${run}`

  beforeAll(async () => {
    const event = await httpJson(baseURL, 'POST', '/api/events', { token, body: earlyEvent(eventName) })
    expect(event.status).toBe(201)
    eventId = event.body.doc.id
    context = await browser.newContext({ baseURL, viewport: SCREENS[0] })
    page = await context.newPage()
    violations = await collectCspViolations(page)
  })

  afterAll(async () => {
    await context?.close()
  })

  it('logs in to the dashboard, the session cookie kept although Secure over plain http://127.0.0.1', async () => {
    await loginToAdmin(page, SEEDED_ADMIN.email, SEEDED_ADMIN.password)
    await page.getByRole('link', { name: 'Events' }).first().waitFor()
    const cookies = await context.cookies()
    expect(cookies).toContainEqual(expect.objectContaining({ name: 'payload-token', secure: true, httpOnly: true, sameSite: 'Lax' }))
    await screenshots(page, 'dashboard')
    expect(violations).toEqual([])
  })

  it('lists the events', async () => {
    await page.goto('/admin/collections/events')
    await page.getByRole('link', { name: eventName }).waitFor()
    await screenshots(page, 'events-list')
    expect(violations).toEqual([])
  })

  it('edits an event, its rich-text description included, and saves it', async () => {
    await page.goto(`/admin/collections/events/${eventId}`)
    await page.locator('#field-venue').fill('Under CSP Hall')
    const description = page.locator('[data-lexical-editor="true"]')
    await description.click()
    await page.keyboard.type(`Described under the policy ${run}`)
    await screenshots(page, 'event-edit')
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && new RegExp(`/api/events/${eventId}(\\?|$)`).test(response.url()),
    )
    await page.getByRole('button', { name: 'Publish changes' }).click()
    expect((await saved).status()).toBe(200)
    const stored = await httpJson(baseURL, 'GET', `/api/events/${eventId}?depth=0`, { token })
    expect(stored.body.venue).toBe('Under CSP Hall')
    expect(JSON.stringify(stored.body.description)).toContain(`Described under the policy ${run}`)
    expect(violations).toEqual([])
  })

  it('shows an email template’s preview styled by its attributes under the preview’s own policy, with no violation reported', async () => {
    const { body } = await httpJson(baseURL, 'GET', '/api/email-templates?limit=1&depth=0', { token })
    const preview = await page.goto(`/api/email-templates/${body.docs[0].id}/preview`)
    expect(preview!.headers()['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
    )
    await page.getByText('Preview with sample data').waitFor()
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(244, 244, 245)')
    await screenshots(page, 'email-preview')
    expect(violations).toEqual([])
  })

  it('blocks, and reports, markup injected into the page with an inline event handler (stored XSS)', async () => {
    await page.goto('/admin/collections/events')
    await page.getByRole('link', { name: eventName }).waitFor()
    // Markup, not a script element made by script: 'strict-dynamic' trusts what scripts add themselves.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image" onerror="document.body.dataset.injected = \'ran\'">'))
    await waitFor('the violation event', async () => (violations.some((violation) => violation.startsWith('script-src-attr blocked inline')) ? true : undefined))
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined()
  })
})

describe('the admin pages over HTTP', () => {
  const page = () => fetch(`${baseURL}/admin/login`)

  it('allow scripts by a nonce Next.js puts on every script it renders, with the other security headers', async () => {
    const response = await page()
    const policy = response.headers.get('content-security-policy')
    const nonce = nonceOf(policy)
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(policy).toBe(
      "default-src 'self'; " +
        `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; ` +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    )
    expect(headersOf(response, Object.keys(OTHER_HEADERS))).toEqual(OTHER_HEADERS)
    const scripts = (await response.text()).match(/<script[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.filter((script) => !script.includes(`nonce="${nonce}"`))).toEqual([])
  })

  it('get a new nonce on every request', async () => {
    const [first, second] = await Promise.all([page(), page()])
    expect(nonceOf(first.headers.get('content-security-policy'))).not.toBe(nonceOf(second.headers.get('content-security-policy')))
  })

  it('ignore a nonce the client chose in its own Content-Security-Policy request header', async () => {
    const response = await fetch(`${baseURL}/admin/login`, { headers: { 'Content-Security-Policy': "script-src 'nonce-chosenByTheClient'" } })
    const html = await response.text()
    expect(html).not.toContain('chosenByTheClient')
    expect(html).toContain(`nonce="${nonceOf(response.headers.get('content-security-policy'))}"`)
  })
})

describe('/api answers as any client', () => {
  const expectSecured = (response: Response) => {
    expect(response.headers.get('content-security-policy')).toBe(API_POLICY)
    expect(headersOf(response, Object.keys(OTHER_HEADERS))).toEqual(OTHER_HEADERS)
  }

  it('carry the strict policy and the security headers on 200', async () => {
    const response = await fetch(`${baseURL}/api/health`)
    expect(response.status).toBe(200)
    expectSecured(response)
  })

  it('carry them on 400', async () => {
    const response = await fetch(`${baseURL}/api/events?where[noSuchField][equals]=1`)
    expect(response.status).toBe(400)
    expectSecured(response)
  })

  it('carry them on 404', async () => {
    const response = await fetch(`${baseURL}/api/no-such-endpoint`)
    expect(response.status).toBe(404)
    expectSecured(response)
  })

  it('carry them on the 413 the server answers before Next.js reads the body', async () => {
    const response = await fetch(`${baseURL}/api/register/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: FRONTEND_ORIGIN },
      body: JSON.stringify({ first_name: 'x'.repeat(100 * 1024) }),
    })
    expect(response.status).toBe(413)
    expectSecured(response)
  })

  it('carry them on 429', async () => {
    // The same content twice from one IP: the second is refused (SPAM_SAME_CONTENT_PER_10_MIN=1).
    // Sponsor applications: no other browser test posts one publicly, so its per-IP budget is ours.
    const event = await httpJson(baseURL, 'POST', '/api/events', { token, body: earlyEvent(`CSP Sponsors ${run}`) })
    const application = {
      event: event.body.doc.id,
      orgName: `Policy Ltd ${run}`,
      orgType: 'corporate',
      contactPersonName: 'Tunde Bello',
      contactEmail: `policy-${run}@example.com`,
      contactPhone: '+234 803 123 4567',
      sponsorTier: 'gold',
      confirmed: true,
    }
    const post = () =>
      fetch(`${baseURL}/api/sponsor-applications`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(application) })
    expect((await post()).status).toBe(201)
    const refused = await post()
    expect(refused.status).toBe(429)
    expectSecured(refused)
  })
})

describe('the confirm and status pages as the registrant', () => {
  let smtp: TestSmtpServer
  let context: BrowserContext
  let page: Page
  let violations: string[]
  let confirmLink: string
  let statusLink: string
  const email = `csp-${run}@example.com`

  /** The page's policy allows its own <style> by hash, and nothing else. */
  const expectOwnPolicy = async (response: Response) => {
    const html = await response.text()
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]
    const hash = createHash('sha256').update(style).digest('base64')
    expect(response.headers.get('content-security-policy')).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    )
    // Its own Referrer-Policy (the link carries a personal token), the other headers as everywhere.
    expect(headersOf(response, Object.keys(OTHER_HEADERS))).toEqual({ ...OTHER_HEADERS, 'referrer-policy': 'no-referrer' })
  }

  /** Styled as the page's <style> says: the card on a grey page. */
  const expectStyled = async () => {
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(244, 244, 245)')
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).borderRadius)).toBe('10px')
  }

  beforeAll(async () => {
    smtp = await startSmtpServer(inject('smtpPort'))
    const event = await httpJson(baseURL, 'POST', '/api/events', { token, body: earlyEvent(`CSP Confirm ${run}`) })
    // Added by staff, so it skips the public forms' rate limits; it still waits for confirmation.
    const registration = await httpJson(baseURL, 'POST', '/api/registrations', {
      token,
      body: {
        event: event.body.doc.id,
        firstName: 'Ada',
        lastName: 'Policy',
        email,
        phone: '0803 123 4567',
        city: 'Ogbomoso',
        participantCategories: ['student'],
        physicalEventAck: true,
      },
    })
    expect(registration.status).toBe(201)
    const [message] = await waitFor('the confirmation request email', async () => (smtp.to(email).length ? smtp.to(email) : undefined))
    // The text part writes links as "label (url)".
    confirmLink = message.text.match(/http[^\s(]+\/api\/registrations\/confirm\?token=[^\s)]+/)![0]
    statusLink = message.text.match(/http[^\s(]+\/api\/status\?token=[^\s)]+/)![0]
    context = await browser.newContext({ viewport: SCREENS[0] })
    page = await context.newPage()
    violations = await collectCspViolations(page)
  })

  afterAll(async () => {
    await context?.close()
    await smtp?.stop()
  })

  it('send the confirm page with its own policy, which allows its style by hash', async () => {
    const response = await fetch(confirmLink, { headers: { Accept: 'text/html' } })
    expect(response.status).toBe(200)
    await expectOwnPolicy(response)
  })

  it('send the status page with the same policy', async () => {
    const response = await fetch(statusLink, { headers: { Accept: 'text/html' } })
    expect(response.status).toBe(200)
    await expectOwnPolicy(response)
  })

  it('send the page of a link that is not valid with the same policy', async () => {
    const response = await fetch(`${baseURL}/api/status?token=not-a-token`, { headers: { Accept: 'text/html' } })
    expect(response.status).toBe(400)
    await expectOwnPolicy(response)
  })

  it('show the confirm page styled in Chromium, with no violation reported', async () => {
    await page.goto(confirmLink)
    await page.getByRole('button', { name: 'Confirm my registration' }).waitFor()
    await expectStyled()
    expect(await page.getByRole('button').evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(29, 78, 216)')
    await screenshots(page, 'confirm')
    expect(violations).toEqual([])
  })

  it('confirm with the page’s button (its form posts back, as form-action allows)', async () => {
    await page.getByRole('button', { name: 'Confirm my registration' }).click()
    await page.getByRole('heading', { name: 'Your registration is confirmed' }).waitFor()
    await expectStyled()
    expect(violations).toEqual([])
  })

  it('show the status page styled in Chromium, with no violation reported', async () => {
    await page.goto(statusLink)
    await page.getByText('Confirmed', { exact: true }).waitFor()
    await expectStyled()
    await screenshots(page, 'status')
    expect(violations).toEqual([])
  })
})

describe('the API docs page as a frontend developer', () => {
  it('allows Swagger UI from its CDN and the page’s own inline script by hash, nothing else', async () => {
    const response = await fetch(`${baseURL}/api/docs`)
    const html = await response.text()
    const inline = html.match(/<script>([\s\S]*?)<\/script>/)![1]
    const hash = createHash('sha256').update(inline).digest('base64')
    const policy = response.headers.get('content-security-policy')
    expect(policy).toContain(`script-src https://cdn.jsdelivr.net/npm/swagger-ui@5.20.0/ 'sha256-${hash}';`)
    expect(policy).toMatch(/^default-src 'none';/)
    expect(policy).toContain("frame-ancestors 'none'")
  })

  it('reports no violation in Chromium (the CDN itself is out of reach of the test machine)', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const violations = await collectCspViolations(page)
    await page.goto(`${baseURL}/api/docs`, { waitUntil: 'load' })
    expect(violations).toEqual([])
    await context.close()
  })
})
