import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../helpers/payload'
import type { RestClient } from '../helpers/restClient'
import { createOpenEvent, validSubmission } from '../helpers/submissions'
import { createUser } from '../helpers/users'

const ROWS = 1030
let payload: Payload
let staff: RestClient
let eventId: number
/** Every registration of the event, newest first: what the pages must add up to. */
let newestFirst: number[]

beforeAll(async () => {
  payload = await getTestPayload()
  staff = (await createUser(payload, ['staff'])).client
  eventId = (await createOpenEvent(payload)).id
  const base = Date.parse('2026-10-01T00:00:00.000Z')
  const created: { id: number; at: number }[] = []
  // Straight to the database (no hooks, no emails): only the list is under test.
  for (let start = 0; start < ROWS; start += 50) {
    const batch = Array.from({ length: Math.min(50, ROWS - start) }, (_, offset) => start + offset)
    created.push(
      ...(await Promise.all(
        batch.map(async (n) => {
          const at = base + n * 1000
          const doc = await payload.db.create({
            collection: 'registrations',
            data: { ...validSubmission('registrations', eventId), status: 'confirmed', createdAt: new Date(at).toISOString() },
          })
          return { id: doc.id as number, at }
        }),
      )),
    )
  }
  newestFirst = created.sort((a, b) => b.at - a.at).map(({ id }) => id)
}, 120_000)

const page = (number: number) =>
  staff.get('/registrations', { query: { where: { event: { equals: eventId } }, sort: '-createdAt', limit: 10, page: number } })

describe('the staff list, deep pages (read ids first)', () => {
  it('returns the same documents, in order, as the list read whole', async () => {
    const response = await page(101)
    expect(response.status).toBe(200)
    expect(response.body.docs.map((doc: { id: number }) => doc.id)).toEqual(newestFirst.slice(1000, 1010))
  })

  it('keeps every field: hasMany choices and the populated event', async () => {
    const { body } = await page(102)
    expect(body.docs).toHaveLength(10)
    for (const doc of body.docs) {
      expect(doc.participantCategories).toEqual(['student', 'developer'])
      expect(doc.interestAreas).toEqual(['fintech', 'ai-ml'])
      expect(doc.event).toMatchObject({ id: eventId })
      expect(doc.email).toMatch(/@example\.com$/)
    }
  })

  it('populates each event with what a list and an email need, not its description', async () => {
    const { body } = await page(1)
    expect(Object.keys(body.docs[0].event).sort()).toEqual(['endsAt', 'id', 'name', 'slug', 'startsAt', 'timezone', 'venue'].sort())
  })

  it('keeps the pagination figures, to the last page and past it', async () => {
    const deep = (await page(101)).body
    expect(deep).toMatchObject({ totalDocs: ROWS, page: 101, totalPages: 103, hasPrevPage: true, hasNextPage: true, prevPage: 100, nextPage: 102 })
    const last = (await page(103)).body
    expect(last.docs.map((doc: { id: number }) => doc.id)).toEqual(newestFirst.slice(1020))
    expect(last).toMatchObject({ totalDocs: ROWS, page: 103, hasNextPage: false })
    const past = (await page(104)).body
    expect(past.docs).toEqual([])
  })
})
