import { type Endpoint, Forbidden, NotFound, UnauthorizedError } from 'payload'

import { staffOrAdmin } from '@/access/staffOrAdmin'
import { requeueFailedEmail } from '@/email/requeueFailedEmail'
import { errorAnswer } from '@/plugins/openapi/errorAnswers'

const MAX_ID = 2 ** 31 - 1 // PostgreSQL integer: a larger id cannot exist, and would fail the query

/**
 * POST /api/email-outbox/:id/requeue: sends an email that ended `failed` again, once SMTP works
 * (the admin's "Send again" button). Staff and admins only. Refusals are thrown as Payload's
 * errors, so a sign-in that failed because the database is down still answers 503
 * (answerDatabaseOutage); the 409 is an ordinary answer, not an error worth a log line.
 */
export const requeueOutboxEmail: Endpoint = {
  path: '/:id/requeue',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new UnauthorizedError(req.t)
    if (!staffOrAdmin({ req })) throw new Forbidden(req.t)
    const rawId = String(req.routeParams?.id)
    const id = /^\d+$/.test(rawId) ? Number(rawId) : NaN
    if (!(id >= 1 && id <= MAX_ID)) throw new NotFound(req.t)

    const result = await requeueFailedEmail(req, id, req.user.id as number)
    if (!result.requeued) {
      if (result.status === undefined) throw new NotFound(req.t)
      return Response.json(
        { errors: [{ message: `Only a failed email can be sent again; this one is ${result.status}.` }] },
        { status: 409 },
      )
    }
    const doc = await req.payload.findByID({ collection: 'email-outbox', id, depth: 0, overrideAccess: false, req })
    return Response.json({ message: 'The email is queued to be sent again.', doc })
  },
  custom: {
    openapi: {
      summary: 'Send a failed outbox email again (staff and admins)',
      parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'integer' } }],
      responses: {
        200: { description: 'Queued again: `{"message", "doc"}`, the outbox row with status `queued`' },
        401: errorAnswer(401, 'Not signed in'),
        403: errorAnswer(403, 'Signed in without the staff or admin role'),
        404: errorAnswer(404, 'No such outbox email'),
        409: errorAnswer(409, 'The email is not `failed` (queued, sending or sent): nothing was queued'),
      },
    },
  },
}
