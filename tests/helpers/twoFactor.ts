import { generateSync } from 'otplib'

import { httpJson } from './httpClient'
import type { RestClient } from './restClient'

/** The code an authenticator app holding `secret` shows now. */
export const currentCode = (secret: string): string => generateSync({ secret })

/** A code of `secret` that is not valid now (nor in the step either side). */
export const wrongCode = (secret: string): string => {
  const valid = new Set([-30, 0, 30].map((offset) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offset })))
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0')
    if (!valid.has(candidate)) return candidate
  }
}

export type Enrolment = { secret: string; recoveryCodes: string[] }

/** Turns two-factor authentication on for the client's account, as the admin's screen does. */
export async function enrolTwoFactor(client: RestClient): Promise<Enrolment> {
  const setup = await client.post('/users/two-factor/setup')
  if (setup.status !== 200) throw new Error(`two-factor setup: ${setup.status} ${JSON.stringify(setup.body)}`)
  const { secret } = setup.body as { secret: string }
  const enabled = await client.post('/users/two-factor/enable', { body: { code: currentCode(secret) } })
  if (enabled.status !== 200) throw new Error(`two-factor enable: ${enabled.status} ${JSON.stringify(enabled.body)}`)
  return { secret, recoveryCodes: enabled.body.recoveryCodes }
}

/**
 * Over real HTTP to a running server: turns two-factor authentication on for the account the
 * token signs in (a pending session of an admin who must enrol will do) and answers its secret.
 */
export async function enrolOverHttp(baseURL: string, token: string): Promise<string> {
  const setup = await httpJson(baseURL, 'POST', '/api/users/two-factor/setup', { token })
  if (setup.status !== 200) throw new Error(`two-factor setup: ${setup.status} ${JSON.stringify(setup.body)}`)
  const enabled = await httpJson(baseURL, 'POST', '/api/users/two-factor/enable', {
    token,
    body: { code: currentCode(setup.body.secret) },
  })
  if (enabled.status !== 200) throw new Error(`two-factor enable: ${enabled.status} ${JSON.stringify(enabled.body)}`)
  return setup.body.secret as string
}

/**
 * POST /api/users/first-register on a production server, then the enrolment production requires
 * of that admin: a token that works, and the admin's two-factor secret.
 */
export async function registerFirstAdmin(
  baseURL: string,
  body: { email: string; password: string },
): Promise<{ token: string; totpSecret: string }> {
  const first = await httpJson(baseURL, 'POST', '/api/users/first-register', { body })
  if (first.status !== 200) throw new Error(`first-register: ${first.status} ${JSON.stringify(first.body)}`)
  return { token: first.body.token, totpSecret: await enrolOverHttp(baseURL, first.body.token) }
}
