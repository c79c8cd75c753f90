import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { STATUS_PURPOSE } from '@/email/registrationLinks'
import { signToken } from '@/lib/signedToken'
import { statusToken } from '@/submissions/statusLink'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createOpenEvent, initialStatus, SUBMISSION_SLUGS, type SubmissionSlug, validSubmission } from '../helpers/submissions'

let payload: Payload
let eventId: number
let eventName: string
const anonymous = RestClient.anonymous()
const HTML = { Accept: 'text/html,application/xhtml+xml' }

beforeAll(async () => {
  payload = await getTestPayload()
  const event = await createOpenEvent(payload, { venue: 'Main Hall' })
  eventId = event.id
  eventName = event.name
})

async function submit(collection: SubmissionSlug) {
  const body = validSubmission(collection, eventId)
  const response = await anonymous.post(`/${collection}`, { body })
  expect(response.status).toBe(201)
  const doc = await payload.findByID({ collection, id: response.body.doc.id, depth: 1 })
  return { id: doc.id, token: statusToken(payload, collection, doc), body }
}

const WITHDRAWN: Record<SubmissionSlug, string> = {
  registrations: 'cancelled',
  'sponsor-applications': 'withdrawn',
  'exhibitor-applications': 'withdrawn',
  'volunteer-applications': 'withdrawn',
}

describe.each(SUBMISSION_SLUGS)('the status page of %s', (collection) => {
  it('shows the form, its status and its event, and nothing personal beyond the name', async () => {
    const { token, body } = await submit(collection)
    const response = await anonymous.get('/status', { query: { token } })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.body).toMatchObject({
      form: collection,
      status: initialStatus(collection),
      event: { name: eventName, venue: 'Main Hall' },
      actions: ['withdraw'],
    })
    const text = JSON.stringify(response.body)
    for (const field of ['email', 'contactEmail', 'phone', 'contactPhone']) {
      if (typeof body[field] === 'string') expect(text).not.toContain(body[field])
    }
  })

  it('withdraws it, once', async () => {
    const { id, token } = await submit(collection)
    const response = await anonymous.post('/status', { body: { token, action: 'withdraw' } })
    expect(response).toMatchObject({ status: 200, body: { status: WITHDRAWN[collection], actions: [] } })
    expect((await payload.findByID({ collection, id })).status).toBe(WITHDRAWN[collection])
    const again = await anonymous.post('/status', { body: { token, action: 'withdraw' } })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toMatch(/cannot be withdrawn/)
  })

  it('opened in a browser is a page with a button that withdraws it', async () => {
    const { id, token } = await submit(collection)
    const page = await anonymous.get('/status', { query: { token }, headers: HTML })
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.body).toContain(eventName)
    expect(page.body).toMatch(/<button type="submit"[^>]*>(Cancel my registration|Withdraw my [a-z ]+)<\/button>/)
    const posted = await anonymous.post('/status', {
      query: { token },
      rawBody: 'action=withdraw',
      headers: { ...HTML, 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(posted.status).toBe(200)
    expect(posted.body).toMatch(/is (cancelled|withdrawn)\./)
    expect((await payload.findByID({ collection, id })).status).toBe(WITHDRAWN[collection])
  })
})

describe('a status link', () => {
  it('that is missing, forged, for another form or expired is refused without personal data', async () => {
    const { id, token } = await submit('registrations')
    const [, idPart, expiry, signature] = token.split('.')
    const cases: [string | undefined, number][] = [
      [undefined, 400],
      ['nonsense', 400],
      [`registrations.${Number(idPart) + 1}.${expiry}.${signature}`, 400],
      [`volunteer-applications.${idPart}.${expiry}.${signature}`, 400],
      [`registrations.${signToken(payload.secret, 'submission-status:registrations', id, new Date(Date.now() - 1000))}`, 410],
    ]
    for (const [bad, status] of cases) {
      const response = await anonymous.get('/status', { query: bad ? { token: bad } : {} })
      expect(response.status).toBe(status)
      expect(Object.keys(response.body)).toEqual(['errors'])
      const withdraw = await anonymous.post('/status', { body: { token: bad, action: 'withdraw' } })
      expect(withdraw.status).toBe(status)
    }
    expect((await payload.findByID({ collection: 'registrations', id })).status).toBe('pending-confirmation')
  })

  it('refuses an action it does not know', async () => {
    const { token } = await submit('sponsor-applications')
    const response = await anonymous.post('/status', { body: { token, action: 'accept-all' } })
    expect(response.status).toBe(400)
  })

  it('sent before /api/status existed still leads to the page', async () => {
    const { id } = await submit('registrations')
    const old = signToken(payload.secret, STATUS_PURPOSE, id, new Date(Date.now() + 86_400_000))
    const response = await anonymous.get('/registrations/status', { query: { token: old } })
    expect(response.status).toBe(308)
    const location = new URL(response.headers.get('location')!)
    expect(location.pathname).toBe('/api/status')
    const page = await anonymous.get('/status', { query: { token: location.searchParams.get('token') } })
    expect(page.body).toMatchObject({ form: 'registrations', status: 'pending-confirmation' })
  })
})
