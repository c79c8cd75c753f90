import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium, loginToAdmin, openAdminList } from '../helpers/browser'
import { SEEDED_ADMIN } from '../helpers/credentials'
import { httpJson } from '../helpers/httpClient'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer'
import { waitFor } from '../helpers/waitFor'

const baseURL = inject('baseURL')
const run = Date.now().toString(36)
const editor = { email: `editor-${run}@otei.test`, password: `editor-password-${run}` }
const newSubject = `Welcome aboard, {{firstName}}! (${run})`
let browser: Browser
let page: Page
let smtp: TestSmtpServer
let eventId: number

beforeAll(async () => {
  smtp = await startSmtpServer(inject('smtpPort'))
  const { token } = (await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })).body
  expect((await httpJson(baseURL, 'POST', '/api/users', { token, body: { ...editor, roles: ['editor'] } })).status).toBe(201)
  const event = await httpJson(baseURL, 'POST', '/api/events', {
    token,
    body: {
      name: `Volunteer Day ${run}`,
      slug: `volunteer-day-${run}`,
      startsAt: '2027-09-01T08:00:00.000Z',
      endsAt: '2027-09-01T17:00:00.000Z',
      registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      _status: 'published',
    },
  })
  expect(event.status).toBe(201)
  eventId = event.body.doc.id
  browser = await launchChromium()
  page = await browser.newPage({ baseURL, viewport: { width: 1400, height: 1000 } })
})

afterAll(async () => {
  await browser?.close()
  await smtp?.stop()
})

describe('an email template edited by an editor in the admin', () => {
  it('shows the placeholders the email offers and saves a new subject', async () => {
    await loginToAdmin(page, editor.email, editor.password)
    await openAdminList(page, '/admin/collections/email-templates')
    await page.getByRole('link', { name: 'Volunteer application: received', exact: true }).click()
    await page.getByText('{{organizationName}}').waitFor()
    await page.locator('#field-subject').fill(newSubject)
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && /\/api\/email-templates\/\d+/.test(response.url()),
    )
    await page.getByRole('button', { name: 'Save' }).click()
    expect((await saved).status()).toBe(200)
  })

  it('is what the next volunteer receives', async () => {
    const email = `volunteer-${run}@example.com`
    const response = await httpJson(baseURL, 'POST', '/api/volunteer-applications', {
      body: {
        event: eventId,
        fullName: 'Ngozi Obi',
        ageRange: '18-24',
        email,
        phone: '0803 555 0101',
        location: 'Ogbomoso',
        volunteerArea: 'registration',
        availableOnEventDate: 'yes',
        briefingAvailable: 'yes',
        terms: true,
      },
    })
    expect(response.status).toBe(201)
    // The production server runs its job queue itself (autoRun): nothing else sends the email.
    const [message] = await waitFor('the volunteer email', async () => {
      const received = smtp.to(email)
      return received.length ? received : undefined
    })
    expect(message.subject).toBe(`Welcome aboard, Ngozi! (${run})`)
  })
})
