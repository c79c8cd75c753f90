import { Agent, request } from 'node:http'
import { describe, expect, inject, it } from 'vitest'

import { FRONTEND_ORIGIN, SEEDED_ADMIN } from '../helpers/credentials'
import { CHUNKED_GIVE_UP_BYTES, postChunkedWithoutEnd } from '../helpers/chunkedPost'
import { httpJson } from '../helpers/httpClient'

const baseURL = inject('baseURL')

/** A published event open for registration, made by the seeded admin; its id. */
async function createOpenEvent(name: string): Promise<number> {
  const { body: login } = await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })
  const event = await httpJson(baseURL, 'POST', '/api/events', {
    token: login.token,
    body: {
      name: `${name} ${Date.now()}`,
      startsAt: '2027-10-01T08:00:00.000Z',
      endsAt: '2027-10-01T17:00:00.000Z',
      registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
      _status: 'published',
    },
  })
  return event.body.doc.id
}

describe('public forms over real HTTP as the frontend', () => {
  it('get a CORS preflight answer that allows the captcha header', async () => {
    const response = await fetch(`${baseURL}/api/register/`, {
      method: 'OPTIONS',
      headers: {
        Origin: FRONTEND_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-captcha-token',
      },
      redirect: 'manual',
    })
    expect(response.status).toBeLessThan(300)
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONTEND_ORIGIN)
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-captcha-token')
  })

  it('refuse a body declared over 64 KB with 413 before reading it', async () => {
    const response = await fetch(`${baseURL}/api/register/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: FRONTEND_ORIGIN },
      body: JSON.stringify({ first_name: 'x'.repeat(100 * 1024) }),
    })
    expect(response.status).toBe(413)
  })

  it.each([
    ['/api/registrations', { errors: [{ message: 'The form is too large (at most 64 KB).' }] }],
    ['/api/register/', { status: 'error', errors: [{ field: null, message: 'The form is too large (at most 64 KB).' }] }],
    ['/api/graphql', { errors: [{ message: 'The form is too large (at most 64 KB).' }] }],
    // Another spelling of the same route, as Next.js resolves it.
    ['/api/./registrations', { errors: [{ message: 'The form is too large (at most 64 KB).' }] }],
  ])(
    'refuse a body sent without a length (chunked) to %s with 413 as it passes 64 KB, reading no further and storing nothing',
    async (path, answer) => {
      const email = `chunked-${Date.now()}@example.com`
      const refusal = await postChunkedWithoutEnd(`${baseURL}${path}`, JSON.stringify({ email, first_name: 'x'.repeat(70 * 1024) }))
      expect(refusal.status).toBe(413)
      expect(JSON.parse(refusal.body)).toEqual(answer)
      // The server closed the connection instead of reading the rest.
      expect(refusal.closedBeforeBytes).toBeLessThan(CHUNKED_GIVE_UP_BYTES)
      const { body: login } = await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })
      const stored = await httpJson(baseURL, 'GET', `/api/registrations?where[email][equals]=${encodeURIComponent(email)}`, { token: login.token })
      expect(stored.body.totalDocs).toBe(0)
    },
  )

  it('refuse a client that asks first (Expect: 100-continue) and declares over 64 KB, without inviting the body', async () => {
    const answer = await new Promise<{ status: number; invited: boolean }>((resolve, reject) => {
      let invited = false
      const outgoing = request(`${baseURL}/api/registrations`, {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(100 * 1024), Expect: '100-continue' },
      })
      outgoing.on('continue', () => (invited = true))
      outgoing.on('response', (response) => {
        response.resume()
        resolve({ status: response.statusCode ?? 0, invited })
        outgoing.destroy()
      })
      outgoing.on('error', reject)
      outgoing.flushHeaders()
    })
    expect(answer).toEqual({ status: 413, invited: false })
  })

  it('accept two forms one after the other over one kept-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const sockets = new Set<unknown>()
    const post = (body: object) =>
      new Promise<number>((resolve, reject) => {
        const outgoing = request(`${baseURL}/api/volunteer/`, { method: 'POST', agent, headers: { 'Content-Type': 'application/json' } })
        outgoing.on('socket', (socket) => sockets.add(socket))
        outgoing.on('response', (response) => {
          response.resume()
          response.on('end', () => resolve(response.statusCode ?? 0))
        })
        outgoing.on('error', reject)
        outgoing.end(JSON.stringify(body))
      })
    const event = await createOpenEvent('Keep Alive')
    const volunteer = (n: number) => ({
      event,
      full_name: `Keep Alive ${n}`,
      age_range: '18-24',
      email: `keepalive-${n}-${Date.now()}@example.com`,
      phone: '08031234567',
      location: 'Ogbomoso',
      volunteer_area: 'registration',
      available_on_event_date: 'yes',
      briefing_available: 'yes',
      terms: true,
    })
    try {
      expect([await post(volunteer(1)), await post(volunteer(2))]).toEqual([201, 201])
      expect(sockets.size).toBe(1)
    } finally {
      agent.destroy()
    }
  })

  it('answer an empty form with field errors in the guide envelope', async () => {
    const response = await fetch(`${baseURL}/api/register/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: FRONTEND_ORIGIN },
      body: '{}',
    })
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.status).toBe('error')
    expect(body.errors.map((error: { field: string }) => error.field)).toContain('email')
  })

  it('count every post from one connection against its own IP, whatever X-Forwarded-For claims', async () => {
    const eventId = await createOpenEvent('Spoof Check')
    const statuses: number[] = []
    for (let post = 1; post <= 6; post++) {
      const response = await fetch(`${baseURL}/api/exhibitors/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${post}` },
        body: JSON.stringify({
          event: eventId,
          business_name: `Spoof ${post}`,
          industry_category: 'agritech',
          business_description: `Attempt ${post}`,
          contact_person_name: 'Sam',
          contact_email: `spoof-${post}-${Date.now()}@example.com`,
          contact_phone: '08031234567',
          exhibition_package: 'startup-table',
          compliance_declaration: true,
          terms_agreement: true,
        }),
      })
      statuses.push(response.status)
    }
    // The e2e server allows 5 posts per IP per form (RATE_LIMIT_FORM_PER_IP).
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
  })
})
