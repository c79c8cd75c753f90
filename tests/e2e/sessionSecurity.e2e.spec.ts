import { beforeAll, describe, expect, inject, it } from 'vitest'

import { FRONTEND_ORIGIN, SEEDED_ADMIN } from '../helpers/credentials'

const baseURL = inject('baseURL')
const OTHER_ORIGIN = 'http://elsewhere.otei.test'
let sessionCookie: string
let setCookie: string

beforeAll(async () => {
  const response = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(SEEDED_ADMIN),
  })
  expect(response.status).toBe(200)
  setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('payload-token='))!
  sessionCookie = setCookie.split(';')[0]
})

/** Who the server takes the caller of GET /api/users/me for, signed in by cookie only. */
const meWithCookie = async (headers: Record<string, string>) => {
  const response = await fetch(`${baseURL}/api/users/me`, { headers: { Cookie: sessionCookie, ...headers } })
  return ((await response.json()) as { user: { email: string } | null }).user?.email ?? null
}

describe('the session cookie of a production login', () => {
  const attributes = () => setCookie.split(';').slice(1).map((attribute) => attribute.trim().split('=')[0].toLowerCase())

  it('is Secure', () => {
    expect(attributes()).toContain('secure')
  })

  it('is HttpOnly', () => {
    expect(attributes()).toContain('httponly')
  })

  it('is SameSite=Lax', () => {
    expect(setCookie).toMatch(/;\s*SameSite=Lax(;|$)/)
  })
})

describe('cookie-authenticated requests (CSRF) by origin', () => {
  it('are authenticated from the admin’s own origin', async () => {
    expect(await meWithCookie({ Origin: baseURL })).toBe(SEEDED_ADMIN.email)
  })

  it('are authenticated from an origin in CORS_ORIGINS', async () => {
    expect(await meWithCookie({ Origin: FRONTEND_ORIGIN })).toBe(SEEDED_ADMIN.email)
  })

  it('are not authenticated from an origin outside CORS_ORIGINS', async () => {
    expect(await meWithCookie({ Origin: OTHER_ORIGIN })).toBeNull()
  })

  it('cannot change anything from an origin outside CORS_ORIGINS', async () => {
    const response = await fetch(`${baseURL}/api/events`, {
      method: 'POST',
      headers: { Cookie: sessionCookie, Origin: OTHER_ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Forged', startsAt: '2027-01-01T08:00:00.000Z', endsAt: '2027-01-01T17:00:00.000Z' }),
    })
    expect(response.status).toBe(403)
  })

  it('are not authenticated from a cross-site page that sends no Origin', async () => {
    expect(await meWithCookie({ 'Sec-Fetch-Site': 'cross-site' })).toBeNull()
  })
})

describe('CORS by origin', () => {
  const eventsFrom = (origin: string) => fetch(`${baseURL}/api/events`, { headers: { Origin: origin } })
  const preflightFrom = (origin: string) =>
    fetch(`${baseURL}/api/registrations`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })

  it('lets an origin in CORS_ORIGINS read answers, with credentials', async () => {
    const response = await eventsFrom(FRONTEND_ORIGIN)
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONTEND_ORIGIN)
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('lets an origin outside CORS_ORIGINS read nothing', async () => {
    const response = await eventsFrom(OTHER_ORIGIN)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('answers the preflight of an origin outside CORS_ORIGINS without allowing it', async () => {
    const response = await preflightFrom(OTHER_ORIGIN)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})
