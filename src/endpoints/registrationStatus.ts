import type { Endpoint } from 'payload'

import { STATUS_PURPOSE } from '@/email/registrationLinks'
import { verifyToken } from '@/lib/signedToken'
import { statusUrl } from '@/submissions/statusLink'

/**
 * GET /api/registrations/status?token=… — the status link of emails sent before /api/status:
 * sends the person on to the same page under its new address.
 */
export const registrationStatus: Endpoint = {
  path: '/status',
  method: 'get',
  handler: async (req) => {
    const check = verifyToken(req.payload.secret, STATUS_PURPOSE, req.searchParams.get('token'))
    const registration = check.valid
      ? await req.payload.findByID({ collection: 'registrations', id: check.id, depth: 1, overrideAccess: true, disableErrors: true, req })
      : null
    if (!registration) {
      return Response.json({ errors: [{ message: 'This link is not valid.' }] }, { status: check.valid ? 404 : 400, headers: { 'Cache-Control': 'no-store' } })
    }
    return new Response(null, {
      status: 308,
      headers: { Location: statusUrl(req.payload, 'registrations', registration), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
    })
  },
}
