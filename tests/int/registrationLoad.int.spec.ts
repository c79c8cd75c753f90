import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Answer, postRegistration, runClients, storedWrites } from '../helpers/load'
import { type OwnDatabase, useOwnDatabase } from '../helpers/ownDatabase'
import { createOpenEvent } from '../helpers/submissions'

const CLIENTS = 50
const PER_CLIENT = 20
const TOTAL = CLIENTS * PER_CLIENT

let own: OwnDatabase
let payload: Payload
let answers: Answer[]
let elapsedMs: number

beforeAll(async () => {
  own = await useOwnDatabase('load')
  payload = own.payload
  // Imported only now: it loads the app's config, which must see this file's own database.
  const { createUser } = await import('../helpers/users')
  await createUser(payload, ['admin']) // the first account of a database always becomes admin
  const event = await createOpenEvent(payload)
  const anonymous = own.RestClient.anonymous()

  const started = Date.now()
  answers = await runClients(
    CLIENTS,
    (client) => postRegistration(anonymous, event.id, `198.51.100.${client + 1}`),
    (_client, posted) => posted < PER_CLIENT,
  )
  elapsedMs = Date.now() - started
  console.info(`${TOTAL} registrations from ${CLIENTS} clients in ${elapsedMs} ms`)
}, 300_000)

afterAll(async () => {
  await own?.drop()
})

describe('registrations posted by 50 concurrent public clients, 20 each', () => {
  it('runs under rate limits raised above the load (the defaults would refuse most of it)', () => {
    expect(Number(process.env.RATE_LIMIT_FORM_PER_IP)).toBeGreaterThanOrEqual(PER_CLIENT)
    expect(Number(process.env.RATE_LIMIT_FORM_PER_EMAIL)).toBeGreaterThanOrEqual(1)
  })

  it('answers every post 201, none with a server error', () => {
    const countByStatus: Record<number, number> = {}
    for (const { status } of answers) countByStatus[status] = (countByStatus[status] ?? 0) + 1
    const firstFailure = answers.find((answer) => answer.status !== 201)
    expect(countByStatus, JSON.stringify(firstFailure?.body)).toEqual({ 201: TOTAL })
  })

  it('stores exactly the 1,000 registrations answered, without duplicates', async () => {
    const { registrations } = await storedWrites(payload)
    const stored = registrations.map((registration) => registration.email)
    expect(new Set(stored).size).toBe(stored.length)
    expect(stored.sort()).toEqual(answers.map((answer) => answer.email).sort())
  })

  it('queues one confirmation request, with its sendEmail job, per registration', async () => {
    const { registrations, outboxRows, jobs } = await storedWrites(payload)
    expect(registrations).toHaveLength(TOTAL)
    expect(registrations.filter((registration) => registration.outboxIds.length !== 1 || registration.jobs !== 1)).toEqual([])
    expect(outboxRows).toBe(TOTAL)
    expect(jobs).toBe(TOTAL)
  })
})
