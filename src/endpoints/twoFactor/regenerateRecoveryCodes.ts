import type { Endpoint } from 'payload'

import { checkSecondFactor, secondFactorFrom } from '@/twoFactor/checkSecondFactor'
import { newRecoveryCodes } from '@/twoFactor/recoveryCodes'
import { readTwoFactorRow, updateTwoFactorRow } from '@/twoFactor/sessions'

import { conflict, jsonBody, sessionOf } from './session'

/** POST /api/users/two-factor/recovery-codes `{"code"}`: ten new recovery codes; the old ones stop working. */
export const regenerateRecoveryCodes: Endpoint = {
  path: '/two-factor/recovery-codes',
  method: 'post',
  handler: async (req) => {
    const { user } = await sessionOf(req, 'none')
    const row = await readTwoFactorRow(req, user.id)
    if (!row.twoFactorEnabled) return conflict('Two-factor authentication is not on.')
    await checkSecondFactor(req, row, { code: secondFactorFrom(await jsonBody(req)).code }, { recoveryCodes: false })
    const { codes, hashes } = newRecoveryCodes()
    await updateTwoFactorRow(req, user.id, { twoFactorRecoveryCodes: hashes })
    return Response.json({ message: 'New recovery codes.', recoveryCodes: codes }, { headers: { 'Cache-Control': 'no-store' } })
  },
  custom: {
    openapi: {
      summary: 'Replace the recovery codes, with a current code',
      responses: {
        200: { description: '`{"message", "recoveryCodes"}`, shown this once' },
        401: { description: 'Not signed in, or the code is wrong' },
        409: { description: 'Two-factor authentication is not on' },
        429: { description: 'Too many wrong codes for this account (`Retry-After`)' },
      },
    },
  },
}
