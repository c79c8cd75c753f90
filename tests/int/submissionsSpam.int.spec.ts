import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, initialStatus, validSubmission } from '../helpers/submissions'
import { waitFor } from '../helpers/waitFor'

let payload: Payload
let eventId: number
const anonymous = RestClient.anonymous()

beforeAll(async () => {
  payload = await getTestPayload()
  eventId = (await createOpenEvent(payload)).id
})

const statusesOf = async (collection: 'registrations' | 'volunteer-applications', email: string) =>
  (
    await payload.find({ collection, where: { email: { equals: email } }, sort: 'createdAt', depth: 0, pagination: false })
  ).docs.map((doc) => doc.status)

const honeypotEvent = (email: string) =>
  waitFor('the honeypot security event', async () => {
    const { docs } = await payload.find({ collection: 'security-events', where: { kind: { equals: 'honeypot' } }, limit: 50 })
    return docs.length ? docs : undefined
  }).then(() => email)

describe.each(['registrations', 'volunteer-applications'] as const)('%s caught by the honeypot', (collection) => {
  it('do not take the address: the real person who sends it next is accepted', async () => {
    const real = validSubmission(collection, eventId)
    const bot = await anonymous.post(`/${collection}`, { body: { ...real, faxNumber: '+1 555 0100' } })
    expect(bot.status).toBe(201)

    const person = await anonymous.post(`/${collection}`, { body: real })
    expect(person.status).toBe(201)
    expect(await statusesOf(collection, real.email as string)).toEqual(['spam', initialStatus(collection)])
  })

  it('for an address already taken are answered as accepted, kept as spam, and tell the address nothing', async () => {
    const real = validSubmission(collection, eventId)
    expect((await anonymous.post(`/${collection}`, { body: real })).status).toBe(201)

    const bot = await anonymous.post(`/${collection}`, { body: { ...real, faxNumber: '+1 555 0100' } })
    expect(bot.status).toBe(201)
    expect(await statusesOf(collection, real.email as string)).toEqual([initialStatus(collection), 'spam'])
    await honeypotEvent(real.email as string)
    const outbox = await payload.find({ collection: 'email-outbox', where: { to: { equals: real.email } }, depth: 0 })
    expect(outbox.docs.map((email) => email.template)).not.toContain('already-registered')
    expect(outbox.totalDocs).toBe(1) // the real person's own first email
  })
})
