import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { chooseOption, launchChromium, loginToAdmin } from '../helpers/browser'
import { SEEDED_ADMIN } from '../helpers/credentials'
import { createOpenEventOverHttp, httpJson } from '../helpers/httpClient'
import { waitFor } from '../helpers/waitFor'

const baseURL = inject('baseURL')
const run = Date.now().toString(36)
const editor = { email: `content-editor-${run}@otei.test`, password: `content-editor-password-${run}` }
const eventName = `Content Day ${run}`
const speakerName = `Funmi Adeyemi ${run}`
const sessionTitle = `Scaling payments in Ogbomoso ${run}`
// The event's own time zone: what the editor types is read in it, and so is the schedule.
const TIME_ZONE = 'Africa/Lagos'
let browser: Browser
let page: Page
let eventId: number

const agenda = async () =>
  (await httpJson(baseURL, 'GET', `/api/sessions?where[event][equals]=${eventId}&sort=startsAt&depth=2&limit=500`)).body

/** The first whole minute at least 20 s away, as the admin's date picker writes it ("Jun 1, 2027 2:05 PM"). */
function nextMinute(): { at: Date; typed: string } {
  const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true })
      .formatToParts(at)
      .find((piece) => piece.type === type)!.value
  return { at, typed: `${part('month')} ${part('day')}, ${part('year')} ${part('hour')}:${part('minute')} ${part('dayPeriod')}` }
}

beforeAll(async () => {
  const { token } = (await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })).body
  expect((await httpJson(baseURL, 'POST', '/api/users', { token, body: { ...editor, roles: ['editor'] } })).status).toBe(201)
  // 09:00 to 18:00 in Lagos.
  eventId = await createOpenEventOverHttp(baseURL, { name: eventName, startsAt: '2027-06-01T08:00:00.000Z', endsAt: '2027-06-01T17:00:00.000Z' })
  browser = await launchChromium()
  page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 900 }, timezoneId: TIME_ZONE })
  await loginToAdmin(page, editor.email, editor.password)
})

afterAll(async () => {
  await browser?.close()
})

describe('an editor building the agenda in the admin', () => {
  it('adds a speaker with a photo uploaded on the spot, and publishes it', async () => {
    await page.goto('/admin/collections/speakers/create')
    await page.locator('#field-name').fill(speakerName)
    await page.locator('#field-jobTitle').fill('Head of Payments')
    await page.getByRole('button', { name: 'Create New' }).click()
    const portrait = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#1f7a4d' } }).png().toBuffer()
    await page.locator('input[type=file]').setInputFiles({ name: `funmi-${run}.png`, mimeType: 'image/png', buffer: portrait })
    await page.locator('#field-alt').fill(`Portrait of ${speakerName}`)
    const uploaded = page.waitForResponse((response) => response.request().method() === 'POST' && /\/api\/media(\?|$)/.test(response.url()))
    await page.locator('.drawer__header, [class*="doc-controls"]').getByRole('button', { name: 'Save' }).last().click()
    expect((await uploaded).status()).toBe(201)
    // The drawer closes on the speaker, whose photo field now shows the new file.
    await page.locator('#field-photo').getByText(`funmi-${run}.png`).waitFor()
    await chooseOption(page, page.locator('#field-event'), eventName)
    const published = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && /\/api\/speakers\/\d+/.test(response.url()) && /published/.test(response.request().postData() ?? ''),
    )
    await page.getByRole('button', { name: 'Publish changes' }).click()
    expect((await published).status()).toBe(200)
  })

  it('writes a session with that speaker and schedules it: the public agenda shows it once the job has run', async () => {
    await page.goto('/admin/collections/sessions/create')
    await page.locator('#field-title').fill(sessionTitle)
    await chooseOption(page, page.locator('#field-kind'), 'Talk')
    await page.locator('#field-startsAt input').fill('Jun 1, 2027 2:00 PM')
    await page.locator('#field-endsAt input').fill('Jun 1, 2027 2:45 PM')
    await page.locator('#field-room').fill('Main Hall')
    await chooseOption(page, page.locator('#field-event'), eventName)
    // Autosave keeps the draft, and a scheduled publish publishes the draft as last saved: wait
    // for the save that holds the speaker, the last change.
    const autosaved = page.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' && /\/api\/sessions\/\d+/.test(response.url()) && /"speakers":\[\d/.test(response.request().postData() ?? ''),
    )
    await chooseOption(page, page.locator('#field-speakers'), speakerName)
    expect((await autosaved).status()).toBe(200)
    await page.locator('.publish-button, .doc-controls__controls').locator('.popup-button').first().click()
    await page.getByRole('button', { name: 'Schedule Publish' }).click()
    const { at, typed } = nextMinute()
    const scheduler = page.locator('.schedule-publish__scheduler')
    await scheduler.locator('.react-datepicker__input-container input').fill(typed)
    await scheduler.locator('label[for="field-time"]').click()
    await scheduler.locator('.schedule-publish__actions').getByRole('button', { name: 'Save' }).click()
    await page.getByText('Scheduled successfully').waitFor()

    // Until then the public agenda does not have it; the production server's job runner publishes it.
    expect((await agenda()).docs.map((session: { title: string }) => session.title)).not.toContain(sessionTitle)
    const session = await waitFor(
      'the scheduled session on the public agenda',
      async () => (await agenda()).docs.find((doc: { title: string }) => doc.title === sessionTitle),
      { timeoutMs: 150_000, intervalMs: 1000 },
    )
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime())
    expect(session).toMatchObject({
      kind: 'talk',
      room: 'Main Hall',
      startsAt: '2027-06-01T13:00:00.000Z',
      endsAt: '2027-06-01T13:45:00.000Z',
      speakers: [{ name: speakerName, jobTitle: 'Head of Payments', photo: { alt: `Portrait of ${speakerName}`, mimeType: 'image/png' } }],
    })
    const thumbnail = await fetch(new URL(session.speakers[0].photo.sizes.thumbnail.url, baseURL))
    expect(thumbnail.status).toBe(200)
    expect(thumbnail.headers.get('content-type')).toBe('image/webp')
  }, 240_000)
})

describe('an editor in the admin', () => {
  it('cannot open the registrations: no link, no list, no data', async () => {
    await page.goto('/admin')
    await page.getByRole('link', { name: 'Sessions' }).first().waitFor({ state: 'attached' })
    expect(await page.locator('nav').getByRole('link', { name: 'Registrations' }).count()).toBe(0)
    await page.goto('/admin/collections/registrations')
    await page.getByRole('heading', { name: 'Nothing found' }).waitFor()
    const list = await page.request.get('/api/registrations')
    expect(list.status()).toBe(403)
  })
})
