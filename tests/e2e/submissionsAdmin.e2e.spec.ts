import { parse } from 'csv-parse/sync'
import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium, loginToAdmin } from '../helpers/browser'
import { SEEDED_ADMIN } from '../helpers/credentials'
import { httpJson } from '../helpers/httpClient'

const baseURL = inject('baseURL')
const run = Date.now().toString(36)
const staff = { email: `staff-${run}@otei.test`, password: `staff-password-${run}` }
let browser: Browser
let page: Page
let eventId: number
const inEvent = [`Zainab${run}`, `Yusuf${run}`]
const elsewhere = `Xavier${run}`

const registration = (event: number, firstName: string) => ({
  event,
  first_name: firstName,
  last_name: 'Adebayo',
  email: `${firstName.toLowerCase()}@example.com`,
  phone: '0803 123 4567',
  city: 'Ogbomoso',
  participant_categories: ['student'],
  physical_event_ack: true,
})

beforeAll(async () => {
  const admin = await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })
  const token = admin.body.token
  expect((await httpJson(baseURL, 'POST', '/api/users', { token, body: { ...staff, roles: ['staff'] } })).status).toBe(201)
  const window = {
    startsAt: '2027-09-01T08:00:00.000Z',
    endsAt: '2027-09-01T17:00:00.000Z',
    registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
    registrationClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    _status: 'published',
  }
  const event = await httpJson(baseURL, 'POST', '/api/events', { token, body: { name: `Export Day ${run}`, ...window } })
  const other = await httpJson(baseURL, 'POST', '/api/events', { token, body: { name: `Other Day ${run}`, ...window } })
  eventId = event.body.doc.id
  for (const firstName of inEvent) {
    // The guide's endpoint, with its trailing slash, straight from a "frontend": no redirect, 201.
    const created = await httpJson(baseURL, 'POST', '/api/register/', { body: registration(eventId, firstName) })
    expect(created.status).toBe(201)
  }
  // The collection's own REST endpoint, camelCase, for another event.
  const otherCreated = await httpJson(baseURL, 'POST', '/api/registrations', {
    body: {
      event: other.body.doc.id,
      firstName: elsewhere,
      lastName: 'Adebayo',
      email: `${elsewhere.toLowerCase()}@example.com`,
      phone: '+2348031234567',
      city: 'Oyo',
      participantCategories: ['student'],
      physicalEventAck: true,
    },
  })
  expect(otherCreated.status).toBe(201)

  browser = await launchChromium()
  page = await browser.newPage({ baseURL, viewport: { width: 1400, height: 1000 }, acceptDownloads: true })
})

afterAll(async () => {
  await browser?.close()
})

describe('registrations in the admin as staff', () => {
  it('logs in and finds the public registrations in the event’s filtered list', async () => {
    await loginToAdmin(page, staff.email, staff.password)

    await page.goto(`/admin/collections/registrations?where[event][equals]=${eventId}`)
    for (const firstName of inEvent) await page.getByRole('link', { name: `${firstName} Adebayo` }).waitFor()
    expect(await page.getByRole('link', { name: `${elsewhere} Adebayo` }).count()).toBe(0)
  })

  it('exports a CSV whose rows are exactly the filtered list', async () => {
    await page.locator('.list-controls .popup-button').click()
    await page.getByText('Export Registrations').click()
    const limit = page.locator('#field-limit')
    await limit.fill('')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download' }).click()
    const file = await (await download).path()
    const rows = parse(await readFile(file, 'utf8'), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows.map((row) => row.Name).sort()).toEqual(inEvent.map((name) => `${name} Adebayo`).sort())
    expect(rows.every((row) => row.Event === `Export Day ${run}`)).toBe(true)
  })
})
