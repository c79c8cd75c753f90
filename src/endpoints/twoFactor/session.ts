import { type PayloadRequest, UnauthorizedError } from 'payload'

import { readSession, type SignedInSession } from '@/twoFactor/sessions'
import { TwoFactorRefusal } from '@/twoFactor/TwoFactorRefusal'

/**
 * The caller's session, for the two-factor endpoints. A signed-in session only: an API key cannot
 * manage its owner's second factor. `pending: 'enrolment'` also admits a session that must enrol
 * before anything else (an admin in production); `'any'` admits every pending session.
 */
export async function sessionOf(req: PayloadRequest, pending: 'none' | 'enrolment' | 'any'): Promise<SignedInSession> {
  const session = await readSession(req.payload, req.headers)
  if (!session) throw new UnauthorizedError(req.t)
  if (session.complete || pending === 'any' || (pending === 'enrolment' && session.needs === 'enrolment')) return session
  throw new TwoFactorRefusal('Finish signing in with your two-factor code first.', 403)
}

export const jsonBody = async (req: PayloadRequest): Promise<unknown> => (await req.json?.().catch(() => undefined)) ?? {}

export const conflict = (message: string) => Response.json({ errors: [{ message }] }, { status: 409 })
