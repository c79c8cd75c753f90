import { createLocalReq, initTransaction, killTransaction, type Payload, type Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { defaultTemplate } from '@/email/defaultTemplates'
import { AUDIT_RETENTION_DAYS } from '@/jobs/tasks/purgeAuditLog'
import { pseudonymize } from '@/lib/pseudonymize'
import type { AuditLog } from '@/payload-types'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, openEventData, reviewedStatus, validSubmission } from '../helpers/submissions'
import { currentCode, enrolTwoFactor, wrongCode } from '../helpers/twoFactor'
import { createUser, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

let payload: Payload
let admin: TestUser
let staff: TestUser
let editor: TestUser
let eventId: number

beforeAll(async () => {
  payload = await getTestPayload()
  admin = await createUser(payload, ['admin'])
  staff = await createUser(payload, ['staff'])
  editor = await createUser(payload, ['editor'])
  eventId = (await createOpenEvent(payload)).id
})

/** The entries matching `where`, newest first, as an admin reads them over REST. */
async function entries(where: Where): Promise<AuditLog[]> {
  const response = await admin.client.get('/audit-log', { query: { where, sort: '-createdAt', limit: 100, depth: 0 } })
  expect(response.status).toBe(200)
  return response.body.docs
}

const entriesOf = (collection: string, documentId: number | string, action?: AuditLog['action']) =>
  entries({
    and: [
      { collection: { equals: collection } },
      { documentId: { equals: String(documentId) } },
      ...(action ? [{ action: { equals: action } }] : []),
    ],
  })

/** A public registration posted from `ip`, as the frontend would. */
async function register(ip: string) {
  const body = validSubmission('registrations', eventId)
  const response = await RestClient.anonymous().post('/registrations', { body, headers: { 'X-Forwarded-For': ip } })
  expect(response.status).toBe(201)
  return { id: response.body.doc.id as number, body }
}

describe('the audit log of a registration', () => {
  it('records a public registration with the hashed IP it came from and no user', async () => {
    const { id } = await register('203.0.113.41')
    const [entry] = await entriesOf('registrations', id)
    expect(entry).toMatchObject({ action: 'create', user: null, ipHash: pseudonymize('203.0.113.41') })
    expect(JSON.stringify(entry)).not.toContain('203.0.113.41')
  })

  it('records a staff change with the fields changed and who changed them, and no value of personal data', async () => {
    const { id, body } = await register('203.0.113.42')
    const changes = { firstName: 'Chiamaka', email: 'chiamaka.new@example.com', phone: '0805 987 6543', status: reviewedStatus('registrations') }
    const response = await staff.client.patch(`/registrations/${id}`, { body: changes, headers: { 'X-Forwarded-For': '198.51.100.7' } })
    expect(response.status).toBe(200)

    const [entry] = await entriesOf('registrations', id, 'update')
    expect(entry.user).toBe(staff.id)
    expect(entry.ipHash).toBe(pseudonymize('198.51.100.7'))
    // With what the save changed along with them: the full name, when it joined the waitlist.
    expect([...(entry.fields as string[])].sort()).toEqual(['email', 'firstName', 'name', 'phone', 'status', 'waitlistedAt'])
    // A status is a choice of the workflow, not personal: its move is kept.
    expect(entry.detail).toEqual({ status: { from: 'pending-confirmation', to: changes.status } })
    const json = JSON.stringify(entry)
    for (const value of ['Chiamaka', 'chiamaka.new', '+2348059876543', '0805 987 6543', body.email as string, '+2348031234567', 'Okafor']) {
      expect(json).not.toContain(value)
    }
  })

  it('records no change for a save that changes nothing', async () => {
    const { id } = await register('203.0.113.43')
    const stored = (await staff.client.get(`/registrations/${id}`, { query: { depth: 0 } })).body
    expect((await staff.client.patch(`/registrations/${id}`, { body: { firstName: stored.firstName, event: stored.event } })).status).toBe(200)
    expect(await entriesOf('registrations', id, 'update')).toEqual([])
  })

  it('records its deletion by an admin', async () => {
    const { id } = await register('203.0.113.44')
    expect((await admin.client.delete(`/registrations/${id}`)).status).toBe(200)
    const [entry] = await entriesOf('registrations', id, 'delete')
    expect(entry.user).toBe(admin.id)
  })
})

describe('the audit log of other collections', () => {
  it('records an event, an email template and a user changed through REST', async () => {
    const event = await staff.client.post('/events', { body: openEventData() })
    expect(event.status).toBe(201)
    const renamed = await staff.client.patch(`/events/${event.body.doc.id}`, { body: { name: 'Renamed summit' } })
    expect(renamed.status).toBe(200)
    expect((await entriesOf('events', event.body.doc.id)).map(({ action, fields }) => [action, fields ?? null])).toEqual([
      ['update', ['name']],
      ['create', null],
    ])

    const template = await editor.client.post('/email-templates', {
      body: { ...defaultTemplate('registration-received'), key: 'registration-received', event: event.body.doc.id },
    })
    expect(template.status).toBe(201)
    expect((await entriesOf('email-templates', template.body.doc.id))[0]).toMatchObject({ action: 'create', user: editor.id })

    const renamedUser = await admin.client.patch(`/users/${editor.id}`, { body: { name: 'Ngozi Editor' } })
    expect(renamedUser.status).toBe(200)
    const [entry] = await entriesOf('users', editor.id, 'update')
    expect(entry).toMatchObject({ user: admin.id, fields: ['name'] })
    expect(JSON.stringify(entry)).not.toContain('Ngozi')
  })

  it('records a password change by its name only', async () => {
    const user = await createUser(payload, ['staff'])
    const password = 'Correct-Horse-Battery-Staple-42'
    expect((await user.client.patch(`/users/${user.id}`, { body: { password } })).status).toBe(200)
    const [entry] = await entriesOf('users', user.id, 'update')
    expect(entry).toMatchObject({ user: user.id, fields: ['password'] })
    expect(JSON.stringify(entry)).not.toContain(password)
  })
})

describe('the audit log of exports', () => {
  it('records a staff CSV download with its row filter, withholding searched words', async () => {
    const where = { and: [{ event: { equals: eventId } }, { firstName: { like: 'Ada' } }] }
    const response = await staff.client.post('/exports/download', {
      body: { data: { collectionSlug: 'registrations', format: 'csv', where } },
    })
    expect(response.status).toBe(200)
    const [entry] = await entries({ and: [{ action: { equals: 'export' } }, { user: { equals: staff.id } }] })
    expect(entry).toMatchObject({ collection: 'registrations', user: staff.id })
    expect(entry.detail).toEqual({ where: { and: [{ event: { equals: eventId } }, { firstName: { like: '(withheld)' } }] } })
    expect(JSON.stringify(entry)).not.toContain('Ada')
  })

  it('records a saved export when it is asked for', async () => {
    const created = await staff.client.post('/exports', {
      body: { collectionSlug: 'registrations', format: 'csv', where: { event: { equals: eventId } } },
    })
    expect(created.status).toBe(201)
    const saved = await entries({ action: { equals: 'export' } })
    expect(saved.find((entry) => (entry.detail as { exportId?: number })?.exportId === created.body.doc.id)).toMatchObject({
      collection: 'registrations',
      user: staff.id,
      detail: { where: { event: { equals: eventId } } },
    })
  })
})

describe('the audit log of sign-ins', () => {
  const loginFrom = (email: string, password: string, ip: string, extra: Record<string, string> = {}) =>
    RestClient.anonymous().post('/users/login', { body: { email, password, ...extra }, headers: { 'X-Forwarded-For': ip } })

  it('records a sign-in with the account and the hashed IP', async () => {
    const user = await createUser(payload, ['staff'])
    expect((await loginFrom(user.email, user.password, '192.0.2.10')).status).toBe(200)
    const [entry] = await entriesOf('users', user.id, 'login')
    expect(entry).toMatchObject({ user: user.id, ipHash: pseudonymize('192.0.2.10') })
  })

  it('records a wrong password with the account, and an unknown email by its hash only', async () => {
    const user = await createUser(payload, ['staff'])
    expect((await loginFrom(user.email, 'not-the-password', '192.0.2.11')).status).toBe(401)
    const failed = await waitFor('the refused sign-in', async () => (await entriesOf('users', user.id, 'login-failed'))[0])
    expect(failed).toMatchObject({
      user: user.id,
      ipHash: pseudonymize('192.0.2.11'),
      subjectHash: pseudonymize(user.email),
      detail: { reason: 'wrong-password' },
    })
    expect(JSON.stringify(failed)).not.toContain(user.email)

    const stranger = `nobody-${user.id}@otei.test`
    expect((await loginFrom(stranger, 'whatever-it-is', '192.0.2.12')).status).toBe(401)
    const unknown = await waitFor('the unknown account', async () => (await entries({ subjectHash: { equals: pseudonymize(stranger) } }))[0])
    expect(unknown).toMatchObject({ action: 'login-failed', user: null, documentId: null, detail: { reason: 'unknown-account' } })
    expect(JSON.stringify(unknown)).not.toContain(stranger)
  })

  it('records a sign-in refused because the account is locked, and one refused over GraphQL', async () => {
    const user = await createUser(payload, ['staff'])
    await payload.db.updateOne({ collection: 'users', id: user.id, data: { lockUntil: new Date(Date.now() + 600_000).toISOString() } })
    expect((await loginFrom(user.email, user.password, '192.0.2.14')).status).toBe(401)
    const locked = await waitFor('the locked sign-in', async () => (await entriesOf('users', user.id, 'login-failed'))[0])
    expect(locked).toMatchObject({ user: user.id, detail: { reason: 'locked' } })

    const other = await createUser(payload, ['staff'])
    const answer = await RestClient.anonymous().graphql(
      'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
      { email: other.email, password: 'not-the-password' },
    )
    expect(answer.body.errors?.[0]?.extensions?.statusCode).toBe(401)
    const overGraphQL = await waitFor('the GraphQL sign-in', async () => (await entriesOf('users', other.id, 'login-failed'))[0])
    expect(overGraphQL).toMatchObject({ user: other.id, detail: { reason: 'wrong-password' } })
  })

  it('records a sign-in owing its code only once the code is given, and a wrong code as refused', async () => {
    const user = await createUser(payload, ['staff'])
    const { secret } = await enrolTwoFactor(user.client)
    const pending = await loginFrom(user.email, user.password, '192.0.2.13')
    expect(pending.body.twoFactor).toBe('code-required')
    const logins = async () => (await entriesOf('users', user.id)).filter(({ action }) => action.startsWith('login'))
    const before = await logins()

    const session = new RestClient(`JWT ${pending.body.token}`)
    expect((await session.post('/users/two-factor/verify', { body: { code: wrongCode(secret) } })).status).toBe(401)
    const refused = await waitFor('the wrong code', async () => ((await logins()).length > before.length ? (await logins())[0] : undefined))
    expect(refused).toMatchObject({ action: 'login-failed', user: user.id, detail: { reason: 'wrong-second-factor' } })

    expect((await session.post('/users/two-factor/verify', { body: { code: currentCode(secret) } })).status).toBe(200)
    expect((await logins())[0]).toMatchObject({ action: 'login', user: user.id })
    expect((await logins()).filter(({ action }) => action === 'login')).toHaveLength(before.filter(({ action }) => action === 'login').length + 1)
  })
})

describe('an audit entry and the change it records', () => {
  it('are written in one transaction: the entry is seen only with the change, and a rollback takes both', async () => {
    const event = await createOpenEvent(payload)
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.update({ collection: 'events', id: event.id, data: { name: 'Never saved' }, req })
    const where: Where = { and: [{ collection: { equals: 'events' } }, { documentId: { equals: String(event.id) } }, { action: { equals: 'update' } }] }
    // Inside the change's transaction the entry is there; outside it, not yet.
    expect((await payload.find({ collection: 'audit-log', where, req })).totalDocs).toBe(1)
    expect(await entries(where)).toEqual([])
    await killTransaction(req)

    expect((await payload.findByID({ collection: 'events', id: event.id })).name).toBe(event.name)
    expect(await entries(where)).toEqual([])
  })
})

describe('the audit log over REST', () => {
  it('is read by admins only', async () => {
    expect((await admin.client.get('/audit-log')).status).toBe(200)
    for (const client of [staff.client, editor.client, RestClient.anonymous()]) {
      expect((await client.get('/audit-log')).status).toBe(403)
    }
  })

  it('cannot be written or deleted by anyone, admins included', async () => {
    const [entry] = await entries({ action: { equals: 'create' } })
    for (const client of [admin.client, staff.client, RestClient.anonymous()]) {
      expect((await client.post('/audit-log', { body: { action: 'login' } })).status).toBe(403)
      expect((await client.patch(`/audit-log/${entry.id}`, { body: { action: 'login' } })).status).toBe(403)
      expect((await client.delete(`/audit-log/${entry.id}`)).status).toBe(403)
    }
    expect(await entries({ id: { equals: entry.id } })).toEqual([entry])
  })
})

describe('audit entries as the daily purge job finds them', () => {
  it(`are deleted after AUDIT_RETENTION_DAYS (${AUDIT_RETENTION_DAYS}) and kept before`, async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()
    const collection = `retention-spec-${eventId}`
    const old = await payload.create({ collection: 'audit-log', data: { action: 'update', collection, createdAt: daysAgo(AUDIT_RETENTION_DAYS + 1) } })
    const recent = await payload.create({ collection: 'audit-log', data: { action: 'update', collection, createdAt: daysAgo(AUDIT_RETENTION_DAYS - 1) } })
    const job = await payload.jobs.queue({ task: 'purgeAuditLog', input: {} })
    await payload.jobs.runByID({ id: job.id })

    const left = (await entries({ collection: { equals: collection } })).map(({ id }) => id)
    expect(left).toEqual([recent.id])
    expect(left).not.toContain(old.id)
  })
})
