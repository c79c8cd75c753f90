import type { Endpoint } from 'payload'

import { sealSecret } from '@/lib/secretBox'
import { readTwoFactorRow, updateTwoFactorRow } from '@/twoFactor/sessions'
import { newTotpSecret, qrCodeSvg, totpUri } from '@/twoFactor/totp'

import { conflict, sessionOf } from './session'

/**
 * POST /api/users/two-factor/setup: a new secret for the caller's authenticator app, kept aside
 * until POST /api/users/two-factor/enable confirms one code of it. Answers the secret once, as
 * text, otpauth address and QR code (SVG). Calling it again replaces the secret being set up.
 */
export const startTwoFactorSetup: Endpoint = {
  path: '/two-factor/setup',
  method: 'post',
  handler: async (req) => {
    const { user } = await sessionOf(req, 'enrolment')
    const row = await readTwoFactorRow(req, user.id)
    if (row.twoFactorEnabled) return conflict('Two-factor authentication is already on. Turn it off first to use another app.')
    const secret = newTotpSecret()
    await updateTwoFactorRow(req, user.id, { twoFactorPendingSecret: sealSecret(secret) })
    const otpauthUri = totpUri(row.email, secret)
    return Response.json(
      { secret, otpauthUri, qrCodeSvg: await qrCodeSvg(otpauthUri) },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
  custom: {
    openapi: {
      summary: 'Start setting up two-factor authentication (signed-in session)',
      responses: {
        200: { description: '`{"secret", "otpauthUri", "qrCodeSvg"}`: add it to an authenticator app, then confirm a code' },
        401: { description: 'Not signed in (API keys cannot set up two-factor authentication)' },
        403: { description: 'The session still owes its two-factor code' },
        409: { description: 'Two-factor authentication is already on' },
      },
    },
  },
}
