import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/lib/choices'
import type { User } from '@/payload-types'
import { rolesRequiringTwoFactor, secondFactorNeeded } from '@/twoFactor/requirement'
import { resetTwoFactor } from '@/twoFactor/resetTwoFactor'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { currentCode, enrolTwoFactor, wrongCode } from '../helpers/twoFactor'
import { createUser, loginAsSeededAdmin, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

let payload: Payload
let admin: RestClient

beforeAll(async () => {
  payload = await getTestPayload()
  admin = await loginAsSeededAdmin()
})

const SECRET_FIELDS = ['twoFactorSecret', 'twoFactorPendingSecret', 'twoFactorRecoveryCodes', 'twoFactorSessions']

/** A new account with two-factor authentication on, and what its authenticator app holds. */
async function enrolledUser(roles: Role[] = ['staff']) {
  const user = await createUser(payload, roles)
  const enrolment = await enrolTwoFactor(user.client)
  return { ...user, ...enrolment }
}

const login = (user: TestUser, extra: Record<string, string> = {}) =>
  RestClient.anonymous().post('/users/login', { body: { email: user.email, password: user.password, ...extra } })

const pendingClient = async (user: TestUser) => {
  const response = await login(user)
  expect(response.status).toBe(200)
  return new RestClient(`JWT ${response.body.token}`)
}

describe('two-factor authentication as staff without it', () => {
  it('signs in with the password alone, as before', async () => {
    const staff = await createUser(payload, ['staff'])
    const response = await login(staff)
    expect(response.status).toBe(200)
    expect(response.body.twoFactor).toBeUndefined()
    expect((await staff.client.get('/registrations')).status).toBe(200)
    expect((await staff.client.get('/users/me')).body.user.twoFactorEnabled).toBe(false)
  })
})

describe('two-factor enrolment as staff', () => {
  it('answers a secret, its otpauth address and an SVG QR code, then ten recovery codes for a right first code', async () => {
    const staff = await createUser(payload, ['staff'])
    const setup = await staff.client.post('/users/two-factor/setup')
    expect(setup.status).toBe(200)
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(setup.body.otpauthUri).toContain(`secret=${setup.body.secret}`)
    expect(setup.body.otpauthUri).toContain(encodeURIComponent(staff.email))
    expect(setup.body.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
    expect(setup.headers.get('cache-control')).toBe('no-store')

    const enabled = await staff.client.post('/users/two-factor/enable', { body: { code: currentCode(setup.body.secret) } })
    expect(enabled.status).toBe(200)
    expect(enabled.body.recoveryCodes).toHaveLength(10)
    expect(new Set(enabled.body.recoveryCodes).size).toBe(10)
    for (const code of enabled.body.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)
    // The session that enrolled carries on.
    expect((await staff.client.get('/users/me')).body.user.twoFactorEnabled).toBe(true)
    expect((await staff.client.get('/registrations')).status).toBe(200)
  })

  it('refuses a wrong first code and stays off', async () => {
    const staff = await createUser(payload, ['staff'])
    const { body } = await staff.client.post('/users/two-factor/setup')
    const refused = await staff.client.post('/users/two-factor/enable', { body: { code: wrongCode(body.secret) } })
    expect(refused.status).toBe(401)
    expect((await staff.client.get('/users/me')).body.user.twoFactorEnabled).toBe(false)
    expect((await login(staff)).body.twoFactor).toBeUndefined()
  })

  it('is not open to an API key (scripts cannot turn their owner’s second factor on or off)', async () => {
    const staff = await createUser(payload, ['staff'])
    const apiKey = `key-${randomBytes(12).toString('hex')}`
    await payload.update({ collection: 'users', id: staff.id, data: { enableAPIKey: true, apiKey } })
    const response = await RestClient.withApiKey('users', apiKey).post('/users/two-factor/setup')
    expect(response.status).toBe(401)
  })
})

describe('signing in with two-factor authentication on, as staff', () => {
  it('gives a pending session that no REST or GraphQL read accepts', async () => {
    const staff = await enrolledUser()
    const response = await login(staff)
    expect(response.status).toBe(200)
    expect(response.body.twoFactor).toBe('code-required')
    const pending = new RestClient(`JWT ${response.body.token}`)
    expect((await pending.get('/users/me')).body.user).toBeNull()
    expect((await pending.get('/registrations')).status).toBe(403)
    expect((await pending.get(`/users/${staff.id}`)).status).toBe(403)
    expect((await pending.patch(`/users/${staff.id}`, { body: { name: 'Changed' } })).status).toBe(403)
    const graphql = await pending.graphql('{ meUser { user { id } } }')
    expect(graphql.body.data.meUser.user).toBeNull()
  })

  it('accepts the same token once the code is verified', async () => {
    const staff = await enrolledUser()
    const pending = await pendingClient(staff)
    const verified = await pending.post('/users/two-factor/verify', { body: { code: currentCode(staff.secret) } })
    expect(verified.status).toBe(200)
    expect((await pending.get('/users/me')).body.user.email).toBe(staff.email)
    expect((await pending.get('/registrations')).status).toBe(200)
  })

  it('accepts the code sent with the password, in one request', async () => {
    const staff = await enrolledUser()
    const response = await login(staff, { code: currentCode(staff.secret) })
    expect(response.status).toBe(200)
    expect(response.body.twoFactor).toBeUndefined()
    const client = new RestClient(`JWT ${response.body.token}`)
    expect((await client.get('/registrations')).status).toBe(200)
  })

  it('refuses a wrong code, at login or afterwards, and the session stays pending', async () => {
    const staff = await enrolledUser()
    const atLogin = await login(staff, { code: wrongCode(staff.secret) })
    expect(atLogin.status).toBe(401)
    expect(atLogin.body.token).toBeUndefined()

    const pending = await pendingClient(staff)
    const refused = await pending.post('/users/two-factor/verify', { body: { code: wrongCode(staff.secret) } })
    expect(refused.status).toBe(401)
    expect(refused.body.errors[0].message).toMatch(/not valid/)
    expect((await pending.get('/registrations')).status).toBe(403)
    const event = await waitFor('the two-factor security event', async () => {
      const { docs } = await payload.find({ collection: 'security-events', where: { kind: { equals: 'two-factor-failed' } }, limit: 1 })
      return docs[0]
    })
    expect(event).toMatchObject({ form: 'two-factor', emailHash: expect.stringMatching(/^[0-9a-f]{16}$/) })
  })

  it('takes a recovery code once', async () => {
    const staff = await enrolledUser()
    const [recoveryCode] = staff.recoveryCodes
    const first = await pendingClient(staff)
    const used = await first.post('/users/two-factor/verify', { body: { recoveryCode: recoveryCode!.toUpperCase() } })
    expect(used.status).toBe(200)
    expect(used.body.recoveryCodesLeft).toBe(9)
    expect((await first.get('/registrations')).status).toBe(200)

    const second = await pendingClient(staff)
    const again = await second.post('/users/two-factor/verify', { body: { recoveryCode } })
    expect(again.status).toBe(401)
    expect((await second.get('/registrations')).status).toBe(403)
  })

  it('limits wrong codes per account: the 6th attempt in 15 minutes is refused with 429, even a right code', async () => {
    const staff = await enrolledUser()
    const pending = await pendingClient(staff)
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await pending.post('/users/two-factor/verify', { body: { code: wrongCode(staff.secret) } })
      expect(wrong.status, `attempt ${attempt}`).toBe(401)
    }
    const limited = await pending.post('/users/two-factor/verify', { body: { code: currentCode(staff.secret) } })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another session of the same account is limited too: the count is the account's.
    const atLogin = await login(staff, { code: currentCode(staff.secret) })
    expect(atLogin.status).toBe(429)
  })

  it('asks the account’s other sessions for a code once it is turned on', async () => {
    const staff = await createUser(payload, ['staff'])
    const otherDevice = await RestClient.login(staff.email, staff.password)
    expect((await otherDevice.get('/registrations')).status).toBe(200)
    await enrolTwoFactor(staff.client)
    expect((await otherDevice.get('/registrations')).status).toBe(403)
    expect((await staff.client.get('/registrations')).status).toBe(200)
  })

  it('ends a pending sign-in on cancel', async () => {
    const staff = await enrolledUser()
    const pending = await pendingClient(staff)
    expect((await pending.post('/users/two-factor/cancel')).status).toBe(200)
    const verify = await pending.post('/users/two-factor/verify', { body: { code: currentCode(staff.secret) } })
    expect(verify.status).toBe(401)
  })
})

describe('two-factor authentication with an API key', () => {
  it('is not asked for: scripts keep working', async () => {
    const staff = await enrolledUser()
    const apiKey = `key-${randomBytes(12).toString('hex')}`
    const enabled = await admin.patch(`/users/${staff.id}`, { body: { enableAPIKey: true, apiKey } })
    expect(enabled.status).toBe(200)
    const script = RestClient.withApiKey('users', apiKey)
    expect((await script.get('/users/me')).body.user.email).toBe(staff.email)
    expect((await script.get('/registrations')).status).toBe(200)
  })
})

describe('the two-factor secret and recovery codes', () => {
  it('are never answered over REST or GraphQL, to the account itself or to an admin', async () => {
    const staff = await enrolledUser()
    const self = await RestClient.login(staff.email, staff.password, { code: currentCode(staff.secret) })
    const answers = [
      await login(staff, { code: currentCode(staff.secret) }),
      await self.get('/users/me'),
      await self.get(`/users/${staff.id}`),
      await admin.get(`/users/${staff.id}`),
      await admin.get('/users', { query: { where: { id: { equals: staff.id } } } }),
      await admin.get(`/users/${staff.id}`, { query: { select: { twoFactorSecret: true, twoFactorRecoveryCodes: true } } }),
      await admin.graphql(`{ User(id: ${staff.id}) { email twoFactorEnabled } }`),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      const text = JSON.stringify(answer.body)
      for (const field of SECRET_FIELDS) expect(text).not.toContain(field)
      expect(text).not.toContain(staff.secret)
    }
    // Payload keeps hidden fields in the GraphQL schema, and answers null for them.
    const graphqlSecret = await admin.graphql(`{ User(id: ${staff.id}) { twoFactorSecret twoFactorRecoveryCodes } }`)
    expect(graphqlSecret.body.data?.User ?? {}).toEqual({ twoFactorSecret: null, twoFactorRecoveryCodes: null })
  })

  it('cannot be written over REST, not even by an admin', async () => {
    const staff = await enrolledUser()
    const response = await admin.patch(`/users/${staff.id}`, {
      body: { twoFactorEnabled: false, twoFactorSecret: 'AAAA', twoFactorSessions: ['x'], twoFactorRecoveryCodes: [] },
    })
    expect(response.status).toBe(200)
    const stored = await payload.db.findOne<User>({ collection: 'users', where: { id: { equals: staff.id } } })
    expect(stored?.twoFactorEnabled).toBe(true)
    expect(stored?.twoFactorRecoveryCodes).toHaveLength(10)
  })

  it('are stored sealed and hashed, never as given', async () => {
    const staff = await enrolledUser()
    const stored = await payload.db.findOne<User>({ collection: 'users', where: { id: { equals: staff.id } } })
    expect(stored?.twoFactorSecret).toMatch(/^v1\./)
    expect(JSON.stringify(stored)).not.toContain(staff.secret)
    for (const code of staff.recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code)
  })
})

describe('managing two-factor authentication as staff', () => {
  it('makes new recovery codes with a current code; the old ones stop working', async () => {
    const staff = await enrolledUser()
    const refused = await staff.client.post('/users/two-factor/recovery-codes', { body: { code: wrongCode(staff.secret) } })
    expect(refused.status).toBe(401)
    const renewed = await staff.client.post('/users/two-factor/recovery-codes', { body: { code: currentCode(staff.secret) } })
    expect(renewed.status).toBe(200)
    expect(renewed.body.recoveryCodes).toHaveLength(10)
    const pending = await pendingClient(staff)
    expect((await pending.post('/users/two-factor/verify', { body: { recoveryCode: staff.recoveryCodes[0] } })).status).toBe(401)
    expect((await pending.post('/users/two-factor/verify', { body: { recoveryCode: renewed.body.recoveryCodes[0] } })).status).toBe(200)
  })

  it('turns it off with a current code, and signing in asks for the password alone again', async () => {
    const staff = await enrolledUser()
    expect((await staff.client.post('/users/two-factor/disable', { body: { code: wrongCode(staff.secret) } })).status).toBe(401)
    const off = await staff.client.post('/users/two-factor/disable', { body: { code: currentCode(staff.secret) } })
    expect(off.status).toBe(200)
    const response = await login(staff)
    expect(response.body.twoFactor).toBeUndefined()
    expect((await new RestClient(`JWT ${response.body.token}`).get('/registrations')).status).toBe(200)
  })

  it('is turned off by an operator’s reset (npm run two-factor:reset), which ends the account’s sessions', async () => {
    const staff = await enrolledUser()
    await resetTwoFactor(payload, staff.id)
    expect((await staff.client.get('/registrations')).status).toBe(403)
    const response = await login(staff)
    expect(response.body.twoFactor).toBeUndefined()
    expect((await new RestClient(`JWT ${response.body.token}`).get('/registrations')).status).toBe(200)
  })

  it('cannot be managed from a pending session', async () => {
    const staff = await enrolledUser()
    const pending = await pendingClient(staff)
    expect((await pending.post('/users/two-factor/disable', { body: { code: currentCode(staff.secret) } })).status).toBe(403)
    expect((await pending.post('/users/two-factor/setup')).status).toBe(403)
  })
})

describe('two-factor authentication for an admin in production', () => {
  // process.env.NODE_ENV is typed read-only; the rule reads it at each call, as in production.
  const env = process.env as Record<string, string | undefined>
  const nodeEnv = env.NODE_ENV
  afterEach(() => {
    env.NODE_ENV = nodeEnv
  })

  it('is required of admins in production only, and of no other role', () => {
    expect(rolesRequiringTwoFactor('production')).toEqual(['admin'])
    expect(rolesRequiringTwoFactor('test')).toEqual([])
    expect(rolesRequiringTwoFactor('development')).toEqual([])
    env.NODE_ENV = 'production'
    expect(secondFactorNeeded({ roles: ['admin'] })).toBe('enrolment')
    expect(secondFactorNeeded({ roles: ['staff', 'editor'] })).toBe('nothing')
    expect(secondFactorNeeded({ roles: ['staff'], twoFactorEnabled: true })).toBe('code')
  })

  // NODE_ENV is switched for this test only (afterEach puts it back).
  it('sends a new admin to enrol before anything else, then asks for the code at every sign-in', async () => {
    const newAdmin = await createUser(payload, ['admin'])
    env.NODE_ENV = 'production'

    const first = await login(newAdmin)
    expect(first.status).toBe(200)
    expect(first.body.twoFactor).toBe('enrolment-required')
    const pending = new RestClient(`JWT ${first.body.token}`)
    expect((await pending.get('/users/me')).body.user).toBeNull()
    expect((await pending.get('/users')).status).toBe(403)
    expect((await pending.post('/users/two-factor/verify', { body: { code: '123456' } })).status).toBe(409)
    // The session signed in before the rule applied is refused as well.
    expect((await newAdmin.client.get('/users')).status).toBe(403)

    const { secret } = await enrolTwoFactor(pending)
    expect((await pending.get('/users')).status).toBe(200)
    expect((await pending.post('/users/two-factor/disable', { body: { code: currentCode(secret) } })).status).toBe(403)

    const next = await login(newAdmin)
    expect(next.body.twoFactor).toBe('code-required')
    expect((await login(newAdmin, { code: currentCode(secret) })).body.twoFactor).toBeUndefined()
  })
})
