import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import { createOpenEvent, validSubmission } from '../helpers/submissions'

// Which event is "the one open event" depends on every event in the database: this file has its own.
let db: OwnDatabase
const DAY = 86_400_000

beforeAll(async () => {
  db = await useOwnDatabase('default_event')
})

afterAll(() => db?.drop())

const withoutEvent = () => {
  const { event: _omitted, ...body } = validSubmission('registrations', 0)
  return body
}

describe('registrations without an event, posted by the public', () => {
  it('go to the one event open for registration, ignoring closed and draft ones', async () => {
    await createOpenEvent(db.payload, {
      registrationOpensAt: new Date(Date.now() - 10 * DAY).toISOString(),
      registrationClosesAt: new Date(Date.now() - DAY).toISOString(),
    })
    const open = await createOpenEvent(db.payload)
    await db.payload.create({
      collection: 'events',
      draft: true,
      data: { ...open, id: undefined, slug: `${open.slug}-draft`, _status: 'draft' } as never,
    })

    const response = await db.RestClient.anonymous().post('/registrations', { body: withoutEvent() })
    expect(response.status).toBe(201)
    const stored = await db.payload.findByID({ collection: 'registrations', id: response.body.doc.id, depth: 0 })
    expect(stored.event).toBe(open.id)
  })

  it('are refused with a field error on event when two events are open', async () => {
    await createOpenEvent(db.payload)
    const response = await db.RestClient.anonymous().post('/registrations', { body: withoutEvent() })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({
        path: 'event',
        message: 'Choose the event: more than one (or no) event is open for registration.',
      }),
    ])
  })
})
