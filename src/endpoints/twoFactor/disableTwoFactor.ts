import type { Endpoint } from 'payload'

import { checkSecondFactor, secondFactorFrom } from '@/twoFactor/checkSecondFactor'
import { secondFactorNeeded } from '@/twoFactor/requirement'
import { readTwoFactorRow, updateTwoFactorRow } from '@/twoFactor/sessions'
import { TwoFactorRefusal } from '@/twoFactor/TwoFactorRefusal'

import { conflict, jsonBody, sessionOf } from './session'

/** POST /api/users/two-factor/disable `{"code"}` or `{"recoveryCode"}`: turns it off (not for those who must keep it). */
export const disableTwoFactor: Endpoint = {
  path: '/two-factor/disable',
  method: 'post',
  handler: async (req) => {
    const { user } = await sessionOf(req, 'none')
    const row = await readTwoFactorRow(req, user.id)
    if (!row.twoFactorEnabled) return conflict('Two-factor authentication is not on.')
    if (secondFactorNeeded({ ...row, twoFactorEnabled: false }) === 'enrolment') {
      throw new TwoFactorRefusal('Admins must keep two-factor authentication on.', 403)
    }
    await checkSecondFactor(req, row, secondFactorFrom(await jsonBody(req)))
    await updateTwoFactorRow(req, user.id, {
      twoFactorEnabled: false,
      twoFactorSecret: null,
      twoFactorPendingSecret: null,
      twoFactorRecoveryCodes: null,
      twoFactorSessions: null,
    })
    return Response.json({ message: 'Two-factor authentication is off.' })
  },
  custom: {
    openapi: {
      summary: 'Turn two-factor authentication off with a current code',
      responses: {
        200: { description: 'Off' },
        401: { description: 'Not signed in, or the code is wrong' },
        403: { description: 'The session owes its code, or the account must keep it (admins in production)' },
        409: { description: 'It is not on' },
        429: { description: 'Too many wrong codes for this account (`Retry-After`)' },
      },
    },
  },
}
