import { describe, expect, inject, it } from 'vitest'

import { FRONTEND_ORIGIN } from '../helpers/credentials'

const baseURL = inject('baseURL')

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
})
