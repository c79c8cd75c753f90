import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { chooseOption, launchChromium, loginToAdmin, openAdminList } from '../helpers/browser'
import { SEEDED_ADMIN } from '../helpers/credentials'
import { httpJson } from '../helpers/httpClient'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer'
import { openEventData } from '../helpers/events'
import { waitFor } from '../helpers/waitFor'

const baseURL = inject('baseURL')
const run = Date.now().toString(36)
const staff = { email: `reviewer-${run}@otei.test`, password: `reviewer-password-${run}` }
let browser: Browser
let page: Page
let smtp: TestSmtpServer
let token: string
let eventId: number
const sponsors = [`Kola${run}`, `Lami${run}`, `Musa${run}`]
const notReviewed = `Nneka${run}`
const confirmed = [`Ojo${run}`, `Pelu${run}`]
const pending = `Queen${run}`

const sponsorEmail = (org: string) => `${org.toLowerCase()}@example.com`

beforeAll(async () => {
  smtp = await startSmtpServer(inject('smtpPort'))
  token = (await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })).body.token
  expect((await httpJson(baseURL, 'POST', '/api/users', { token, body: { ...staff, roles: ['staff'] } })).status).toBe(201)
  const event = await httpJson(baseURL, 'POST', '/api/events', {
    token,
    body: openEventData({ name: `Review Day ${run}`, requireEmailConfirmation: false }),
  })
  eventId = event.body.doc.id
  // Added as staff would add them (walk-ins, imports): in the status they are in.
  const sponsor = (orgName: string, status: string) => ({
    event: eventId,
    orgName,
    orgType: 'corporate',
    contactPersonName: 'Tunde Bello',
    contactEmail: sponsorEmail(orgName),
    contactPhone: '+234 803 123 4567',
    sponsorTier: 'gold',
    confirmed: true,
    status,
  })
  for (const org of sponsors) expect((await httpJson(baseURL, 'POST', '/api/sponsor-applications', { token, body: sponsor(org, 'under-review') })).status).toBe(201)
  expect((await httpJson(baseURL, 'POST', '/api/sponsor-applications', { token, body: sponsor(notReviewed, 'submitted') })).status).toBe(201)
  const registration = (firstName: string, status: string) => ({
    event: eventId,
    firstName,
    lastName: 'Afolabi',
    email: `${firstName.toLowerCase()}@example.com`,
    phone: '0803 123 4567',
    city: 'Ogbomoso',
    participantCategories: ['student'],
    physicalEventAck: true,
    status,
  })
  for (const name of confirmed) expect((await httpJson(baseURL, 'POST', '/api/registrations', { token, body: registration(name, 'confirmed') })).status).toBe(201)
  expect((await httpJson(baseURL, 'POST', '/api/registrations', { token, body: registration(pending, 'pending-confirmation') })).status).toBe(201)

  browser = await launchChromium()
  page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 900 } })
  await loginToAdmin(page, staff.email, staff.password)
})

afterAll(async () => {
  await browser?.close()
  await smtp?.stop()
})

describe('staff reviewing in the admin', () => {
  it('filter the registrations by status', async () => {
    await page.goto(`/admin/collections/registrations?where[event][equals]=${eventId}`)
    for (const name of [...confirmed, pending]) await page.getByRole('link', { name: `${name} Afolabi` }).waitFor()
    await page.getByRole('button', { name: 'Filters' }).click()
    // The event's filter is there already: add "and status is Confirmed" to it.
    await page.locator('.where-builder .condition__actions-add').first().click()
    const condition = page.locator('.where-builder .condition').last()
    await chooseOption(page, condition.locator('.condition__field'), 'Status')
    await chooseOption(page, condition.locator('.condition__operator'), 'equals')
    await chooseOption(page, condition.locator('.condition__value'), 'Confirmed')
    await page.getByRole('link', { name: `${pending} Afolabi` }).waitFor({ state: 'detached' })
    for (const name of confirmed) await page.getByRole('link', { name: `${name} Afolabi` }).waitFor()
    expect(page.url()).toContain('confirmed')
  })

  it('accept three applications at once from the list, and each applicant gets one email', async () => {
    await page.goto(`/admin/collections/sponsor-applications?where[event][equals]=${eventId}`)
    for (const org of [...sponsors, notReviewed]) await page.getByRole('link', { name: org }).waitFor()
    for (const org of sponsors) await page.getByRole('row', { name: new RegExp(org) }).getByRole('checkbox').check()
    await page.locator('.list-selection').getByRole('button', { name: 'Edit' }).click()
    const drawer = page.locator('.edit-many__main')
    await chooseOption(page, drawer.locator('.field-select'), 'Status')
    await chooseOption(page, drawer.locator('#field-status'), 'Accepted')
    await drawer.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Updated 3 Sponsor applications successfully.').waitFor()
    for (const org of sponsors) await page.getByRole('row', { name: new RegExp(`${org}.*Accepted`) }).waitFor()

    const accepted = await waitFor('three decision emails', async () => {
      const emails = sponsors.map((org) => smtp.to(sponsorEmail(org)).filter((email) => email.subject.includes('is accepted')))
      return emails.every((each) => each.length >= 1) ? emails : undefined
    })
    expect(accepted.map((each) => each.length)).toEqual([1, 1, 1])
    expect(accepted[0][0].text).toMatch(/\/api\/status\?token=sponsor-applications\./)
  })

  it('cannot skip the review: the list refuses to accept an application not yet reviewed', async () => {
    await page.goto(`/admin/collections/sponsor-applications?where[event][equals]=${eventId}`)
    await page.getByRole('row', { name: new RegExp(notReviewed) }).getByRole('checkbox').check()
    await page.locator('.list-selection').getByRole('button', { name: 'Edit' }).click()
    const drawer = page.locator('.edit-many__main')
    await chooseOption(page, drawer.locator('.field-select'), 'Status')
    await chooseOption(page, drawer.locator('#field-status'), 'Accepted')
    await drawer.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Unable to update 1 out of 1 Sponsor application.').waitFor()
    const stored = await httpJson(baseURL, 'GET', `/api/sponsor-applications?where[orgName][equals]=${notReviewed}`, { token })
    expect(stored.body.docs[0].status).toBe('submitted')
    expect(smtp.to(sponsorEmail(notReviewed)).filter((email) => email.subject.includes('is accepted'))).toHaveLength(0)
  })

  it('see the decision recorded on the application', async () => {
    await openAdminList(page, `/admin/collections/sponsor-applications?where[event][equals]=${eventId}`)
    await page.getByRole('link', { name: sponsors[0] }).click()
    await page.locator('#field-decidedAt').waitFor()
    expect(await page.locator('#field-decidedAt input').inputValue()).not.toBe('')
  })
})
