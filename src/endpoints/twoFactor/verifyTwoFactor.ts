import type { Endpoint } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import { checkSecondFactor, secondFactorFrom } from '@/twoFactor/checkSecondFactor'
import { markSessionComplete, readTwoFactorRow } from '@/twoFactor/sessions'

import { conflict, jsonBody, sessionOf } from './session'

/**
 * POST /api/users/two-factor/verify `{"code"}` or `{"recoveryCode"}`: finishes a pending sign-in.
 * The same token (or cookie) is accepted from then on. A recovery code works once.
 */
export const verifyTwoFactor: Endpoint = {
  path: '/two-factor/verify',
  method: 'post',
  handler: async (req) => {
    const session = await sessionOf(req, 'any')
    if (session.needs === 'enrolment') return conflict('Set up two-factor authentication first (POST /api/users/two-factor/setup).')
    if (session.complete) return Response.json({ message: 'This session is already verified.' })
    const row = await readTwoFactorRow(req, session.user.id)
    // The session is still pending, so req.user is not set: the account is named for the audit log.
    req.context.loginAttempt = { user: row.id }
    const used = await checkSecondFactor(req, row, secondFactorFrom(await jsonBody(req)))
    await markSessionComplete(req, row.id, session.sid)
    await recordAudit(req, { action: 'login', collection: 'users', documentId: row.id, user: row.id })
    const left = used === 'recovery-code' ? (await readTwoFactorRow(req, row.id)).twoFactorRecoveryCodes : undefined
    return Response.json({
      message: 'Signed in.',
      ...(Array.isArray(left) ? { recoveryCodesLeft: left.length } : {}),
    })
  },
  custom: {
    openapi: {
      summary: 'Give the second factor of a pending sign-in',
      responses: {
        200: { description: 'The session is accepted from now on (`recoveryCodesLeft` when a recovery code was used)' },
        401: { description: 'Not signed in, or the code is wrong' },
        409: { description: 'The account must set up two-factor authentication first' },
        429: { description: 'Too many wrong codes for this account (`Retry-After`)' },
      },
    },
  },
}
