import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createUser, loginAsSeededAdmin, type TestUser } from '../helpers/users'

let payload: Payload
let admin: RestClient
let staff: TestUser
let editor: TestUser

beforeAll(async () => {
  payload = await getTestPayload()
  admin = await loginAsSeededAdmin()
  staff = await createUser(payload, ['staff'])
  editor = await createUser(payload, ['editor'])
})

describe('users as an anonymous visitor', () => {
  it('cannot list users', async () => {
    const response = await RestClient.anonymous().get('/users')
    expect(response.status).toBe(403)
  })

  it('cannot read one user by id', async () => {
    const response = await RestClient.anonymous().get(`/users/${staff.id}`)
    expect(response.status).toBe(403)
  })

  it('cannot create an account', async () => {
    const response = await RestClient.anonymous().post('/users', {
      body: { email: 'intruder@otei.test', password: 'intruder-password', roles: ['admin'] },
    })
    expect(response.status).toBe(403)
    expect(await payload.count({ collection: 'users', where: { email: { equals: 'intruder@otei.test' } } }))
      .toMatchObject({ totalDocs: 0 })
  })
})

describe('users as staff', () => {
  it('sees their own account and the other reviewers (staff, admins), to assign them, but no editor', async () => {
    const colleague = await createUser(payload, ['staff'])
    const response = await staff.client.get('/users', { query: { limit: 0 } })
    expect(response.status).toBe(200)
    const ids = response.body.docs.map((user: { id: number }) => user.id)
    expect(ids).toEqual(expect.arrayContaining([staff.id, colleague.id]))
    expect(ids).not.toContain(editor.id)
    for (const user of response.body.docs) expect(user.roles.some((role: string) => role === 'staff' || role === 'admin')).toBe(true)
    expect((await staff.client.get(`/users/${editor.id}`)).status).toBe(404)
  })

  it('cannot change a colleague’s account', async () => {
    const colleague = await createUser(payload, ['staff'])
    const response = await staff.client.patch(`/users/${colleague.id}`, { body: { name: 'Renamed' } })
    expect(response.status).toBe(403)
  })

  it('cannot give themselves the admin role', async () => {
    const response = await staff.client.patch(`/users/${staff.id}`, { body: { roles: ['admin'] } })
    expect(response.status).toBeLessThan(500)
    const stored = await payload.findByID({ collection: 'users', id: staff.id })
    expect(stored.roles).toEqual(['staff'])
  })

  it('cannot change another user’s roles', async () => {
    const response = await staff.client.patch(`/users/${editor.id}`, { body: { roles: ['staff'] } })
    expect(response.status).toBe(403)
    const stored = await payload.findByID({ collection: 'users', id: editor.id })
    expect(stored.roles).toEqual(['editor'])
  })

  it('cannot create users', async () => {
    const response = await staff.client.post('/users', {
      body: { email: 'friend@otei.test', password: 'friend-password', roles: ['staff'] },
    })
    expect(response.status).toBe(403)
  })

  it('can update their own name', async () => {
    const response = await staff.client.patch(`/users/${staff.id}`, { body: { name: 'Ada Staff' } })
    expect(response.status).toBe(200)
    expect(response.body.doc.name).toBe('Ada Staff')
  })
})

describe('passwords', () => {
  it.each([
    ['short', 'Tr0ub4dor&3', 'Use at least 12 characters.'],
    ['common', 'password1234', 'This password is too easy to guess.'],
    ['made of the email', 'new-staff-otei-test', 'This password is too easy to guess.'],
  ])('refuses a %s password for a new account with a field error', async (_, password, message) => {
    const response = await admin.post('/users', { body: { email: 'new-staff-otei-test@otei.test', password, roles: ['staff'] } })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([{ path: 'password', message: expect.stringContaining(message) }])
  })

  it('refuses a weak new password for one’s own account and keeps the old one', async () => {
    const response = await staff.client.patch(`/users/${staff.id}`, { body: { password: 'qwertyuiop12' } })
    expect(response.status).toBe(400)
    expect((await RestClient.anonymous().post('/users/login', { body: { email: staff.email, password: staff.password } })).status).toBe(200)
  })

  it('refuses a weak password set through a reset link', async () => {
    const token = await payload.forgotPassword({ collection: 'users', data: { email: editor.email }, disableEmail: true })
    const response = await RestClient.anonymous().post('/users/reset-password', { body: { token, password: 'password1234' } })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toContain('This password is too easy to guess.')
  })

  it('accepts a long, unguessable one', async () => {
    const response = await admin.post('/users', { body: { email: `strong-${Date.now()}@otei.test`, password: 'violet-harbour-tractor-58', roles: ['staff'] } })
    expect(response.status).toBe(201)
  })
})

describe('users as an admin', () => {
  it('creates a staff account and changes its roles', async () => {
    const email = `new-staff-${Date.now()}@otei.test`
    const created = await admin.post('/users', {
      body: { email, password: 'a-long-password', roles: ['staff'] },
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.roles).toEqual(['staff'])

    const updated = await admin.patch(`/users/${created.body.doc.id}`, { body: { roles: ['staff', 'editor'] } })
    expect(updated.status).toBe(200)
    expect(updated.body.doc.roles).toEqual(['staff', 'editor'])
  })

  it('must give every account at least one role', async () => {
    const response = await admin.post('/users', {
      body: { email: `no-role-${Date.now()}@otei.test`, password: 'a-long-password', roles: [] },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'roles' })]),
    )
  })

  it('lets an account authenticate with its API key', async () => {
    const apiKey = `key-${Date.now()}-${Math.random().toString(36).slice(2)}`
    const response = await admin.patch(`/users/${staff.id}`, { body: { enableAPIKey: true, apiKey } })
    expect(response.status).toBe(200)

    const me = await RestClient.withApiKey('users', apiKey).get('/users/me')
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(staff.email)
  })
})

describe('login as anyone', () => {
  it('locks the account after 5 wrong passwords, even for the right one', async () => {
    const target = await createUser(payload, ['staff'])
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await RestClient.anonymous().post('/users/login', {
        body: { email: target.email, password: 'not-the-password' },
      })
      expect(wrong.status).toBe(401)
    }
    const right = await RestClient.anonymous().post('/users/login', {
      body: { email: target.email, password: target.password },
    })
    expect(right.status).toBe(401)
    expect(right.body.errors[0].message).toMatch(/locked/i)

    const stored = await payload.findByID({ collection: 'users', id: target.id, showHiddenFields: true })
    const lockedForMs = new Date(stored.lockUntil as string).getTime() - Date.now()
    expect(lockedForMs).toBeGreaterThan(9 * 60 * 1000)
    expect(lockedForMs).toBeLessThanOrEqual(10 * 60 * 1000)
  })

  it('issues tokens that expire after 2 hours', async () => {
    const response = await RestClient.anonymous().post('/users/login', {
      body: { email: editor.email, password: editor.password },
    })
    expect(response.status).toBe(200)
    const lifetimeS = response.body.exp - Math.floor(Date.now() / 1000)
    expect(lifetimeS).toBeGreaterThan(2 * 3600 - 60)
    expect(lifetimeS).toBeLessThanOrEqual(2 * 3600)
  })
})
