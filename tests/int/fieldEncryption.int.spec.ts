import { parse } from 'csv-parse/sync'
import { createDecipheriv, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { aesGcmOpen } from '@/lib/aesGcm'
import { fieldEncryptionKeyProblem } from '@/lib/fieldEncryptionKeys.mjs'

import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import { createOpenEvent, errorPaths, validSubmission } from '../helpers/submissions'
import { appEnv, runCommand, TEST_FIELD_ENCRYPTION_KEY } from '../helpers/testDatabase'
import type { TestUser } from '../helpers/users'

// The rotation re-encrypts every row of the database it runs on: this file has its own, so that
// files running beside it keep reading theirs under the run's key.
let db: OwnDatabase
let sql: pg.Client
let staff: TestUser
let admin: TestUser
let editor: TestUser
let eventId: number

const SPECIAL = 'Halal meals; my mother attends as my carer'
const ACCESSIBILITY = 'Wheelchair user: step-free access to the hall, please'

beforeAll(async () => {
  db = await useOwnDatabase('field_encryption')
  const { createUser } = await import('../helpers/users')
  // The admin first: a database's first account becomes an admin whatever it asks for.
  admin = await createUser(db.payload, ['admin'])
  staff = await createUser(db.payload, ['staff'])
  editor = await createUser(db.payload, ['editor'])
  eventId = (await createOpenEvent(db.payload)).id
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await sql.connect()
})

afterAll(async () => {
  await sql?.end()
  await db?.drop()
})

/** A registration posted by the public with both health fields; its id. */
async function register(fields: Record<string, unknown> = {}): Promise<number> {
  const response = await db.RestClient.anonymous().post('/registrations', {
    body: { ...validSubmission('registrations', eventId), specialRequests: SPECIAL, accessibilityNeeds: ACCESSIBILITY, ...fields },
  })
  expect(response.status).toBe(201)
  return response.body.doc.id
}

const storedRow = async (id: number) =>
  (await sql.query('select special_requests, accessibility_needs from registrations where id = $1', [id])).rows[0] as {
    special_requests: string | null
    accessibility_needs: string | null
  }

const partsOf = (stored: string) => {
  const [version, keyId, iv, tag, data] = stored.split('.')
  return { version, keyId, iv, tag, data }
}

describe('health fields of a registration posted by the public', () => {
  it('are stored as ciphertext that neither shows nor decodes to what was typed', async () => {
    const row = await storedRow(await register())
    for (const [stored, plaintext] of [
      [row.special_requests!, SPECIAL],
      [row.accessibility_needs!, ACCESSIBILITY],
    ]) {
      expect(stored).toMatch(/^fe1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/)
      expect(stored).not.toContain(plaintext)
      expect(Buffer.from(partsOf(stored).data, 'base64url').toString('utf8')).not.toContain(plaintext.slice(0, 8))
    }
  })

  it('cannot be decrypted with another key, only with the key they were written under', async () => {
    const { iv, tag, data } = partsOf((await storedRow(await register())).special_requests!)
    const decipher = createDecipheriv('aes-256-gcm', randomBytes(32), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    decipher.update(Buffer.from(data, 'base64url'))
    expect(() => decipher.final()).toThrow(/unable to authenticate/)
    expect(aesGcmOpen(Buffer.from(TEST_FIELD_ENCRYPTION_KEY, 'base64'), { iv, tag, data })).toBe(SPECIAL)
  })

  it('look different in the database for the same text (a fresh IV each time)', async () => {
    const [first, second] = await Promise.all([register(), register()])
    expect((await storedRow(first)).special_requests).not.toBe((await storedRow(second)).special_requests)
  })

  it('are not in the answer to the person who posted them', async () => {
    const response = await db.RestClient.anonymous().post('/registrations', {
      body: { ...validSubmission('registrations', eventId), specialRequests: SPECIAL, accessibilityNeeds: ACCESSIBILITY },
    })
    expect(response.status).toBe(201)
    expect(response.body.doc).not.toHaveProperty('specialRequests')
    expect(response.body.doc).not.toHaveProperty('accessibilityNeeds')
  })

  it('are judged on the text for maxLength: 1000 characters accepted, 1001 refused with a field error', async () => {
    // Three-byte characters: the ciphertext of 1000 of them is far longer than 1000.
    const id = await register({ specialRequests: '€'.repeat(1000), accessibilityNeeds: 'x'.repeat(1000) })
    expect((await staff.client.get(`/registrations/${id}`)).body.specialRequests).toBe('€'.repeat(1000))

    const email = `too-long-${randomBytes(3).toString('hex')}@example.com`
    const refused = await db.RestClient.anonymous().post('/registrations', {
      body: { ...validSubmission('registrations', eventId), email, accessibilityNeeds: 'x'.repeat(1001) },
    })
    expect(refused.status).toBe(400)
    expect(errorPaths(refused.body)).toEqual(['accessibilityNeeds'])
  })
})

describe.each([
  ['staff', () => staff],
  ['an admin', () => admin],
])('health fields read by %s', (_role, user) => {
  it('are plaintext over REST, one registration and the list', async () => {
    const id = await register()
    const one = await user().client.get(`/registrations/${id}`)
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({ specialRequests: SPECIAL, accessibilityNeeds: ACCESSIBILITY })
    const list = await user().client.get('/registrations', { query: { where: { id: { equals: id } } } })
    expect(list.body.docs[0]).toMatchObject({ specialRequests: SPECIAL, accessibilityNeeds: ACCESSIBILITY })
  })

  it('are plaintext over GraphQL', async () => {
    const id = await register()
    const response = await user().client.graphql(`query ($id: Int!) { Registration(id: $id) { specialRequests accessibilityNeeds } }`, { id })
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.Registration).toEqual({ specialRequests: SPECIAL, accessibilityNeeds: ACCESSIBILITY })
  })

  it('stay encrypted after an edit, and read back as edited', async () => {
    const id = await register()
    const edited = await user().client.patch(`/registrations/${id}`, { body: { accessibilityNeeds: 'Sign language interpreter' } })
    expect(edited.status).toBe(200)
    expect(edited.body.doc).toMatchObject({ specialRequests: SPECIAL, accessibilityNeeds: 'Sign language interpreter' })
    const row = await storedRow(id)
    expect(row.accessibility_needs).toMatch(/^fe1\./)
    expect(row.special_requests).toMatch(/^fe1\./)
  })
})

describe('health fields asked for by an editor', () => {
  it('are in no answer, over REST or GraphQL', async () => {
    const id = await register()
    const rest = await editor.client.get(`/registrations/${id}`)
    expect(rest.status).toBe(403)
    const graphql = await editor.client.graphql(`query ($id: Int!) { Registration(id: $id) { specialRequests accessibilityNeeds } }`, { id })
    expect(graphql.body.data?.Registration ?? null).toBeNull()
    for (const body of [rest.body, graphql.body]) {
      expect(JSON.stringify(body)).not.toContain(SPECIAL)
      expect(JSON.stringify(body)).not.toMatch(/fe1\./)
    }
  })
})

describe('the staff CSV export of registrations', () => {
  it('has the health fields as plaintext', async () => {
    const id = await register()
    const response = await staff.client.post('/exports/download', {
      body: { data: { collectionSlug: 'registrations', format: 'csv', where: { id: { equals: id } } } },
    })
    expect(response.status).toBe(200)
    const [row] = parse(response.body, { bom: true, columns: true }) as Record<string, string>[]
    expect(row).toMatchObject({ 'Special Requests': SPECIAL, 'Accessibility Needs': ACCESSIBILITY })
  })

  it('has them as plaintext when saved through the job queue too', async () => {
    const id = await register()
    const created = await staff.client.post('/exports', {
      body: { collectionSlug: 'registrations', format: 'csv', where: { id: { equals: id } } },
    })
    expect(created.status).toBe(201)
    await db.payload.jobs.run({ where: { taskSlug: { equals: 'createCollectionExport' } } })
    const { filename } = await db.payload.findByID({ collection: 'exports', id: created.body.doc.id })
    const [row] = parse(await readFile(path.resolve('.data/exports', filename!), 'utf8'), { bom: true, columns: true }) as Record<string, string>[]
    expect(row).toMatchObject({ 'Special Requests': SPECIAL, 'Accessibility Needs': ACCESSIBILITY })
  })
})

describe('a search on the health fields by staff', () => {
  it('is refused with a 400 naming the field, over REST and GraphQL', async () => {
    const search = await staff.client.get('/registrations', { query: { where: { accessibilityNeeds: { like: 'wheelchair' } } } })
    expect(search.status).toBe(400)
    expect(search.body.errors[0].message).toMatch(/accessibilityNeeds is stored encrypted and cannot be searched/)
    expect(search.body.errors[0].data).toEqual([{ path: 'accessibilityNeeds' }])
    const nested = await staff.client.get('/registrations', { query: { where: { or: [{ firstName: { equals: 'Ada' } }, { specialRequests: { equals: SPECIAL } }] } } })
    expect(nested.status).toBe(400)
    const sorted = await staff.client.get('/registrations', { query: { sort: '-specialRequests' } })
    expect(sorted.status).toBe(400)
    const graphql = await staff.client.graphql(`{ Registrations(where: { specialRequests: { like: "halal" } }) { docs { id } } }`)
    expect(graphql.body.errors[0].message).toMatch(/specialRequests is stored encrypted/)
  })

  it('may still ask whether there is a value at all', async () => {
    const without = await register({ specialRequests: null, accessibilityNeeds: '' })
    const withNeeds = await register()
    const response = await staff.client.get('/registrations', {
      query: { where: { and: [{ id: { in: [without, withNeeds] } }, { accessibilityNeeds: { exists: true } }] } },
    })
    expect(response.status).toBe(200)
    expect(response.body.docs.map((doc: { id: number }) => doc.id)).toEqual([withNeeds])
  })
})

describe('a health field that cannot be decrypted', () => {
  it('reads as null for staff, with the rest of the registration, and an error log naming field and key, not the value', async () => {
    const id = await register()
    const { keyId, iv, tag, data } = partsOf((await storedRow(id)).special_requests!)
    // One byte of the ciphertext changed: the tag no longer matches.
    const altered = Buffer.from(data, 'base64url')
    altered[0] ^= 1
    await sql.query('update registrations set special_requests = $2 where id = $1', [id, ['fe1', keyId, iv, tag, altered.toString('base64url')].join('.')])
    const logged = vi.spyOn(db.payload.logger, 'error')
    try {
      const response = await staff.client.get(`/registrations/${id}`)
      expect(response.status).toBe(200)
      expect(response.body).toMatchObject({ specialRequests: null, accessibilityNeeds: ACCESSIBILITY, firstName: 'Ada' })
      const lines = logged.mock.calls.map((call) => JSON.stringify(call))
      expect(lines.some((line) => line.includes('registrations.specialRequests') && line.includes(keyId))).toBe(true)
      expect(lines.join('\n')).not.toContain(altered.toString('base64url'))
    } finally {
      logged.mockRestore()
      // The rotation below would report it (and exit 1) for as long as it is there.
      await sql.query('delete from registrations where id = $1', [id])
    }
  })
})

describe('a health field under a key no longer configured', () => {
  afterEach(() => {
    process.env.FIELD_ENCRYPTION_KEY = TEST_FIELD_ENCRYPTION_KEY
  })

  it('reads as null for staff, with the rest of the registration', async () => {
    process.env.FIELD_ENCRYPTION_KEY = randomBytes(32).toString('base64')
    const id = await register()
    process.env.FIELD_ENCRYPTION_KEY = TEST_FIELD_ENCRYPTION_KEY
    try {
      const response = await staff.client.get(`/registrations/${id}`)
      expect(response.status).toBe(200)
      expect(response.body).toMatchObject({ specialRequests: null, accessibilityNeeds: null, lastName: 'Okafor' })
    } finally {
      await sql.query('delete from registrations where id = $1', [id])
    }
  })
})

describe('a key rotation', () => {
  const keyA = TEST_FIELD_ENCRYPTION_KEY
  const keyB = randomBytes(32).toString('base64')
  afterEach(() => {
    process.env.FIELD_ENCRYPTION_KEY = keyA
    delete process.env.FIELD_ENCRYPTION_PREVIOUS_KEYS
  })

  it('keeps values under the old key readable, and the rotate script leaves none under it', async () => {
    const underA = await Promise.all([register(), register(), register()])
    // A registration from before encryption, its health data still plaintext.
    await sql.query('update registrations set accessibility_needs = $2 where id = $1', [underA[2], 'Written before encryption'])
    const keyIdOf = async (id: number) => partsOf((await storedRow(id)).special_requests!).keyId
    const idA = await keyIdOf(underA[0])

    process.env.FIELD_ENCRYPTION_KEY = keyB
    process.env.FIELD_ENCRYPTION_PREVIOUS_KEYS = keyA
    const underB = await register()
    const idB = await keyIdOf(underB)
    expect(idB).not.toBe(idA)
    for (const id of [...underA, underB])
      expect((await staff.client.get(`/registrations/${id}`)).body.specialRequests).toBe(SPECIAL)

    // Two rows per batch: the five registrations take several.
    await runCommand(['tsx', 'src/scripts/rotateFieldEncryption.ts'], {
      ...appEnv(process.env.DATABASE_URL!),
      FIELD_ENCRYPTION_KEY: keyB,
      FIELD_ENCRYPTION_PREVIOUS_KEYS: keyA,
      ENCRYPTION_ROTATE_BATCH_SIZE: '2',
    })
    const { rows } = await sql.query('select special_requests, accessibility_needs from registrations')
    const stored = rows.flatMap((row) => [row.special_requests, row.accessibility_needs]).filter((value) => value !== null)
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.filter((value) => !value.startsWith(`fe1.${idB}.`))).toEqual([])

    // Key A is no longer needed.
    delete process.env.FIELD_ENCRYPTION_PREVIOUS_KEYS
    const [first, legacy] = await Promise.all(underA.slice(1).map((id) => staff.client.get(`/registrations/${id}`)))
    expect(first.body).toMatchObject({ specialRequests: SPECIAL, accessibilityNeeds: ACCESSIBILITY })
    expect(legacy.body.accessibilityNeeds).toBe('Written before encryption')
  }, 120_000)
})

describe('the app in production', () => {
  const production = (): NodeJS.ProcessEnv => ({ ...appEnv(process.env.DATABASE_URL!), NODE_ENV: 'production', SERVER_URL: 'https://api.otei.test' })

  it('refuses to start without FIELD_ENCRYPTION_KEY, or with one of the wrong length', async () => {
    await expect(runCommand(['tsx', 'src/scripts/migrate.ts'], { ...production(), FIELD_ENCRYPTION_KEY: '' })).rejects.toThrow(
      /FIELD_ENCRYPTION_KEY is not set: production needs it/,
    )
    await expect(
      runCommand(['tsx', 'src/scripts/migrate.ts'], { ...production(), FIELD_ENCRYPTION_KEY: randomBytes(16).toString('base64') }),
    ).rejects.toThrow(/FIELD_ENCRYPTION_KEY must be 32 random bytes written as base64.*16 bytes once decoded/)
    await expect(runCommand(['tsx', 'src/scripts/migrate.ts'], production())).resolves.toContain('migrations applied')
  }, 90_000)

  it('has the server refuse to listen on the same grounds (the check src/server.mjs makes)', () => {
    expect(fieldEncryptionKeyProblem({}, true)).toMatch(/FIELD_ENCRYPTION_KEY is not set/)
    expect(fieldEncryptionKeyProblem({ FIELD_ENCRYPTION_KEY: randomBytes(32).toString('hex') }, true)).toMatch(/looks like hex/)
    expect(fieldEncryptionKeyProblem({ FIELD_ENCRYPTION_KEY: TEST_FIELD_ENCRYPTION_KEY, FIELD_ENCRYPTION_PREVIOUS_KEYS: 'short' }, true)).toMatch(
      /FIELD_ENCRYPTION_PREVIOUS_KEYS \(key 1\) must be 32 random bytes/,
    )
    expect(fieldEncryptionKeyProblem({ FIELD_ENCRYPTION_KEY: TEST_FIELD_ENCRYPTION_KEY }, true)).toBeUndefined()
    // Development and tests run without one, on a key derived from PAYLOAD_SECRET.
    expect(fieldEncryptionKeyProblem({}, false)).toBeUndefined()
  })
})
