import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase'

// This file needs a database with no users at all, so it makes its own.
let database: TestDatabase
let payload: Payload
let RestClientClass: typeof import('../helpers/restClient').RestClient

beforeAll(async () => {
  // Made on the same server as the run's database.
  database = await createTestDatabase('first_user')
  process.env.DATABASE_URL = database.url
  // Imported only now, so that the config picks up the empty database.
  payload = await (await import('../helpers/payload')).getTestPayload()
  RestClientClass = (await import('../helpers/restClient')).RestClient
})

afterAll(async () => {
  // destroy() leaves the pool open (Payload keeps one client checked out for good), so the drop
  // below terminates its connections; their errors are expected here.
  payload?.db.pool.on('error', () => {})
  await payload?.destroy()
  await database?.drop()
})

describe('first user as an anonymous visitor', () => {
  it('becomes admin when registering the first account, and nobody can do it twice', async () => {
    const first = await RestClientClass.anonymous().post('/users/first-register', {
      body: { email: 'founder@otei.test', password: 'founder-password', roles: ['editor'] },
    })
    expect(first.status).toBe(200)
    expect(first.body.user.roles).toEqual(['admin'])

    const second = await RestClientClass.anonymous().post('/users/first-register', {
      body: { email: 'latecomer@otei.test', password: 'latecomer-password' },
    })
    expect(second.status).toBe(403)
    expect(await payload.count({ collection: 'users' })).toMatchObject({ totalDocs: 1 })
  })
})
