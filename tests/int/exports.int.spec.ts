import { parse } from 'csv-parse/sync'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let staff: TestUser
let editor: TestUser
let eventId: number
let otherEventId: number

beforeAll(async () => {
  payload = await getTestPayload()
  staff = await createUser(payload, ['staff'])
  editor = await createUser(payload, ['editor'])
  eventId = (await createOpenEvent(payload, { name: 'Export Summit', timezone: 'Africa/Lagos' })).id
  otherEventId = (await createOpenEvent(payload)).id
  for (const [event, firstName] of [
    [eventId, 'Chidi'],
    [eventId, 'Amaka'],
    [eventId, 'Bayo'],
    [otherEventId, 'Other'],
  ] as const) {
    await payload.create({
      collection: 'registrations',
      data: { ...validSubmission('registrations', event), firstName } as never,
    })
  }
})

type Row = Record<string, string>

const download = async (client: RestClient, data: Record<string, unknown>) => {
  const response = await client.post('/exports/download', {
    body: { data: { collectionSlug: 'registrations', format: 'csv', ...data } },
  })
  return {
    ...response,
    rows: typeof response.body === 'string' ? (parse(response.body, { bom: true, columns: true }) as Row[]) : [],
  }
}

describe('registrations export as staff', () => {
  it('downloads the filtered, sorted list with readable headers and values', async () => {
    const { status, rows } = await download(staff.client, {
      where: { event: { equals: eventId } },
      sort: 'firstName',
    })
    expect(status).toBe(200)
    expect(rows.map((row) => row['First Name'])).toEqual(['Amaka', 'Bayo', 'Chidi'])
    expect(rows[0]).toMatchObject({
      Event: 'Export Summit',
      Email: expect.stringMatching(/@example\.com$/),
      Phone: '+2348031234567',
      'Participant Categories': 'Student; Software developer',
      'Interest Areas': 'Fintech; AI & machine learning',
      'Attends the whole event': 'Yes',
      'Wants to pitch a startup': 'No',
      Status: 'Waiting for email confirmation',
    })
    expect(rows[0]['Submitted at']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \+01:00$/)
    expect(Object.keys(rows[0])).not.toContain('participantCategories_0')
    expect(rows[0].Name).toBe(`Amaka ${rows[0]['Last Name']}`)
  })

  it('has a column only for the fields chosen', async () => {
    const { rows } = await download(staff.client, {
      where: { event: { equals: eventId } },
      fields: ['firstName', 'status'],
    })
    expect(Object.keys(rows[0]).sort()).toEqual(['First Name', 'ID', 'Status'])
  })

  it('refuses a direct download too large to hold a request, pointing to Save', async () => {
    const bigEvent = (await createOpenEvent(payload)).id
    const rows = Number(process.env.EXPORT_DIRECT_DOWNLOAD_MAX_ROWS) + 1
    for (let row = 0; row < rows; row++) {
      await payload.create({ collection: 'registrations', data: validSubmission('registrations', bigEvent) as never })
    }
    const response = await staff.client.post('/exports/download', {
      body: { data: { collectionSlug: 'registrations', format: 'csv', where: { event: { equals: bigEvent } } } },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(/Use “Save” instead/)
  })

  it('saves a large export through the job queue into a file', async () => {
    const created = await staff.client.post('/exports', {
      body: { collectionSlug: 'registrations', format: 'csv', where: { event: { equals: eventId } }, sort: '-createdAt' },
    })
    expect(created.status).toBe(201)
    await payload.jobs.run({ where: { taskSlug: { equals: 'createCollectionExport' } } })
    const exportDoc = await payload.findByID({ collection: 'exports', id: created.body.doc.id })
    expect(exportDoc.filename).toMatch(/\.csv$/)
    const csv = await readFile(path.resolve('.data/exports', exportDoc.filename!), 'utf8')
    const rows = parse(csv, { bom: true, columns: true }) as Row[]
    expect(rows.map((row) => row['First Name']).sort()).toEqual(['Amaka', 'Bayo', 'Chidi'])
  })
})

describe('registrations export as an editor', () => {
  it('is refused, for download and for saved exports', async () => {
    const { status } = await download(editor.client, { where: { event: { equals: eventId } } })
    expect(status).toBe(403)
    const saved = await editor.client.post('/exports', {
      body: { collectionSlug: 'registrations', format: 'csv' },
    })
    expect(saved.status).toBe(403)
  })
})

describe('registrations export as an anonymous visitor', () => {
  it('is refused', async () => {
    const { status } = await download(RestClient.anonymous(), {})
    expect(status).toBe(403)
  })
})
