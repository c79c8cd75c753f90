import type { Endpoint } from 'payload'
import { generateExpiredPayloadCookie } from 'payload/shared'

import { readTwoFactorRow } from '@/twoFactor/sessions'

import { sessionOf } from './session'

/**
 * POST /api/users/two-factor/cancel: ends a pending sign-in (Payload's logout only knows finished
 * ones), so the admin's "Sign in as someone else" leads back to the login form.
 */
export const cancelTwoFactorSignIn: Endpoint = {
  path: '/two-factor/cancel',
  method: 'post',
  handler: async (req) => {
    const { user, sid } = await sessionOf(req, 'any')
    const row = await readTwoFactorRow(req, user.id)
    await req.payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { sessions: (row.sessions ?? []).filter((session) => session.id !== sid), updatedAt: null },
      req,
      returning: false,
    })
    const users = req.payload.collections.users.config
    const cookie = generateExpiredPayloadCookie({ collectionAuthConfig: users.auth, cookiePrefix: req.payload.config.cookiePrefix })
    return Response.json({ message: 'Signed out.' }, { headers: { 'Set-Cookie': cookie } })
  },
  custom: {
    openapi: {
      summary: 'End a sign-in (finished or still owing its code)',
      responses: { 200: { description: 'Signed out; the cookie is cleared' }, 401: { description: 'Not signed in' } },
    },
  },
}
