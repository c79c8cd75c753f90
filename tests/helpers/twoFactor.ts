import { generateSync } from 'otplib'

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
