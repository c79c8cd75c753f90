import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'

// The first-user rule needs a database with no users at all.
let db: OwnDatabase

beforeAll(async () => {
  db = await useOwnDatabase('first_user')
})

afterAll(() => db?.drop())

describe('first user as an anonymous visitor', () => {
  it('becomes admin when registering the first account, and nobody can do it twice', async () => {
    const first = await db.RestClient.anonymous().post('/users/first-register', {
      body: { email: 'founder@otei.test', password: 'founder-password', roles: ['editor'] },
    })
    expect(first.status).toBe(200)
    expect(first.body.user.roles).toEqual(['admin'])

    const second = await db.RestClient.anonymous().post('/users/first-register', {
      body: { email: 'latecomer@otei.test', password: 'latecomer-password' },
    })
    expect(second.status).toBe(403)
    expect(await db.payload.count({ collection: 'users' })).toMatchObject({ totalDocs: 1 })
  })
})
