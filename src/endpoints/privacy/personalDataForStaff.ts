import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { checkRole } from '@/access/checkRole'
import { recordAudit } from '@/audit/recordAudit'
import { NO_STORE } from '@/lib/linkPageRequest'
import { pseudonymize } from '@/lib/pseudonymize'
import { errorAnswer } from '@/plugins/openapi/errorAnswers'
import { eraseInTransaction } from '@/privacy/eraseInTransaction'
import { findHeldData, heldCounts, personalDataExport, submissionLines } from '@/privacy/personalData'

import { readEmailBody } from './readEmail'

const COLLECTION = 'privacy'

async function staffEmail(req: PayloadRequest): Promise<string> {
  if (!req.user) throw new APIError('Sign in as staff to look up personal data.', 401, undefined, true)
  if (!checkRole(['admin', 'staff'], req.user)) throw new APIError('Only staff and admins handle personal data requests.', 403, undefined, true)
  return (await readEmailBody(req, COLLECTION)).email
}

/** The downloaded file's name: no address in it (downloads folders get synced and shared). */
export const exportFileName = (email: string) => `personal-data-${pseudonymize(email)}.json`

export const downloadAnswer = (email: string, document: unknown) =>
  new Response(JSON.stringify(document, null, 2), {
    headers: {
      ...NO_STORE,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(email)}"`,
    },
  })

const emailBody = {
  required: true,
  content: {
    'application/json': {
      schema: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } },
    },
  },
}

const staffErrors = {
  400: errorAnswer(400, 'Missing or invalid `email` (field error)'),
  401: errorAnswer(401, 'Not signed in'),
  403: errorAnswer(403, 'Not staff or an admin'),
}

/**
 * A data-subject request handled by staff, for one email address (the admin's "Personal data"
 * screen calls these; so can scripts with a staff API key). The address travels in the body, not
 * the URL, which proxies log.
 */
export const personalDataForStaff: Endpoint[] = [
  {
    path: '/privacy/lookup',
    method: 'post',
    handler: async (req) => {
      const held = await findHeldData(req, await staffEmail(req))
      return Response.json({ email: held.email, counts: heldCounts(held), submissions: submissionLines(held) }, { headers: NO_STORE })
    },
    custom: {
      openapi: {
        tags: ['Privacy'],
        summary: 'What is held about an email address: counts and the submissions (staff)',
        requestBody: emailBody,
        responses: { 200: { description: 'The records found (none is an answer too)' }, ...staffErrors },
      },
    },
  },
  {
    path: '/privacy/export',
    method: 'post',
    handler: async (req) => {
      const email = await staffEmail(req)
      const held = await findHeldData(req, email)
      await recordAudit(req, { action: 'export', collection: COLLECTION, subjectHash: pseudonymize(email), detail: { by: 'staff', ...heldCounts(held) } })
      return downloadAnswer(email, personalDataExport(held))
    },
    custom: {
      openapi: {
        tags: ['Privacy'],
        summary: 'Everything held about an email address, as one JSON file (staff)',
        requestBody: emailBody,
        responses: { 200: { description: 'The personal data export (a JSON attachment)' }, ...staffErrors },
      },
    },
  },
  {
    path: '/privacy/erase',
    method: 'post',
    handler: async (req) => {
      const email = await staffEmail(req)
      const erased = await eraseInTransaction(req, email, 'staff')
      const nothing = !Object.keys(erased.submissions).length && !erased.emails && !erased.securityEvents
      return Response.json(
        {
          message: nothing ? 'Nothing was held about this address.' : 'Everything held about this address is erased.',
          erased,
          ...(erased.staffAccount && { note: 'The address also belongs to a staff account, which stays: an admin removes it under Users.' }),
        },
        { headers: NO_STORE },
      )
    },
    custom: {
      openapi: {
        tags: ['Privacy'],
        summary: "Erase everything held about an email address: submissions, emails, security events, rate-limit counters (staff)",
        requestBody: emailBody,
        responses: { 200: { description: 'What was erased' }, ...staffErrors },
      },
    },
  },
]
