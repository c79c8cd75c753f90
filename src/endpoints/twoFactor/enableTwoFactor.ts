import type { Endpoint } from 'payload'

import { checkSecondFactor, secondFactorFrom } from '@/twoFactor/checkSecondFactor'
import { newRecoveryCodes } from '@/twoFactor/recoveryCodes'
import { openSecret } from '@/lib/secretBox'
import { readTwoFactorRow, updateTwoFactorRow } from '@/twoFactor/sessions'

import { conflict, jsonBody, sessionOf } from './session'

/**
 * POST /api/users/two-factor/enable `{"code"}`: turns two-factor authentication on once a code of
 * the secret being set up is right, and answers the recovery codes, once. This session counts as
 * verified; the account's other sessions must give a code before they are accepted again.
 */
export const enableTwoFactor: Endpoint = {
  path: '/two-factor/enable',
  method: 'post',
  handler: async (req) => {
    const { user, sid } = await sessionOf(req, 'enrolment')
    const row = await readTwoFactorRow(req, user.id)
    if (row.twoFactorEnabled) return conflict('Two-factor authentication is already on.')
    const secret = openSecret(row.twoFactorPendingSecret)
    if (!secret) return conflict('Start the set-up first (POST /api/users/two-factor/setup).')
    await checkSecondFactor(req, row, { code: secondFactorFrom(await jsonBody(req)).code }, { secret, recoveryCodes: false })
    const { codes, hashes } = newRecoveryCodes()
    await updateTwoFactorRow(req, user.id, {
      twoFactorEnabled: true,
      twoFactorSecret: row.twoFactorPendingSecret,
      twoFactorPendingSecret: null,
      twoFactorRecoveryCodes: hashes,
      twoFactorSessions: [sid],
    })
    return Response.json(
      { message: 'Two-factor authentication is on.', recoveryCodes: codes },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
  custom: {
    openapi: {
      summary: 'Turn two-factor authentication on with a first code (signed-in session)',
      responses: {
        200: { description: '`{"message", "recoveryCodes"}`: ten one-time recovery codes, shown this once' },
        401: { description: 'Not signed in, or the code is wrong' },
        409: { description: 'Already on, or no set-up was started' },
        429: { description: 'Too many wrong codes for this account (`Retry-After`)' },
      },
    },
  },
}
