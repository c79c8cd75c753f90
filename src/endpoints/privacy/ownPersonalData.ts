import type { Endpoint, PayloadRequest } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import { formatEventDate } from '@/lib/eventDate'
import { escapeHtml, htmlPage } from '@/lib/htmlPage'
import { NO_STORE, readPostedFields, wantsHtml } from '@/lib/linkPageRequest'
import { pseudonymize } from '@/lib/pseudonymize'
import { errorAnswer } from '@/plugins/openapi/errorAnswers'
import { eraseInTransaction } from '@/privacy/eraseInTransaction'
import { findHeldData, type HeldData, heldCounts, holdsAnything, personalDataExport, submissionLines } from '@/privacy/personalData'
import { type PrivacyTokenCheck, readPrivacyToken } from '@/privacy/privacyLink'

import { downloadAnswer } from './personalDataForStaff'

type Refusal = { status: number; message: string }

const INVALID: Record<Exclude<PrivacyTokenCheck, { valid: true }>['reason'], Refusal> = {
  missing: { status: 400, message: 'This link has no token. Please use the link exactly as it appears in your email.' },
  invalid: { status: 400, message: 'This link is not valid. Please use the link exactly as it appears in your email.' },
  expired: { status: 410, message: 'This link has expired. Ask for a new one from the privacy page of the OTEI website.' },
}

function refuse(req: PayloadRequest, { status, message }: Refusal): Response {
  if (wantsHtml(req)) return htmlPage({ title: 'This link cannot be used', body: `<p>${escapeHtml(message)}</p>`, status })
  return Response.json({ errors: [{ message }] }, { status, headers: NO_STORE })
}

/** What the person sees of what is held: their submissions by form and event, the emails sent. */
const summary = (held: HeldData) => ({
  email: held.email,
  counts: heldCounts(held),
  submissions: submissionLines(held).map(({ formName, event, startsAt, status }) => ({ formName, event, startsAt, status })),
})

/** The link's own address with its token, for the page's buttons. */
const linkTo = (path: string, token: string) => escapeHtml(`${path}?token=${encodeURIComponent(token)}`)

function page(token: string, held: HeldData, notice?: string): Response {
  const facts = summary(held)
  const noticeHtml = notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''
  if (!holdsAnything(held)) {
    return htmlPage({ title: 'Your data at OTEI', body: `${noticeHtml}<p>We hold no personal data about <strong>${escapeHtml(held.email)}</strong>.</p>` })
  }
  const items = [
    ...facts.submissions.map(({ formName, event, startsAt, status }) =>
      `<li>Your ${escapeHtml(formName)}${event ? ` for ${escapeHtml(event)}${startsAt ? ` (${escapeHtml(formatEventDate(startsAt))})` : ''}` : ''}: ${escapeHtml(String(status))}</li>`),
    ...(facts.counts.emails ? [`<li>${facts.counts.emails} email${facts.counts.emails === 1 ? '' : 's'} we sent you</li>`] : []),
    ...(facts.counts.securityEvents ? [`<li>${facts.counts.securityEvents} record${facts.counts.securityEvents === 1 ? '' : 's'} of refused form posts naming this address</li>`] : []),
  ]
  return htmlPage({
    title: 'Your data at OTEI',
    body: `${noticeHtml}<p>What we hold about <strong>${escapeHtml(held.email)}</strong>:</p><ul>${items.join('')}</ul>
<form method="get" action="/api/privacy/me/export"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">Download my data</button><p class="note">One JSON file with everything listed above.</p></form>
<form method="post" action="${linkTo('/api/privacy/me', token)}"><input type="hidden" name="action" value="erase"><button type="submit" class="secondary">Erase my data…</button><p class="note">You will be asked to confirm.</p></form>`,
  })
}

function confirmPage(token: string, held: HeldData): Response {
  const registered = held.submissions.some(({ collection, docs }) => collection === 'registrations' && docs.length)
  return htmlPage({
    title: 'Erase your data?',
    body: `<p>This deletes everything we hold about <strong>${escapeHtml(held.email)}</strong>: ${held.submissions.map(({ formName, docs }) => `${docs.length} ${escapeHtml(formName)}${docs.length === 1 ? '' : 's'}`).join(', ') || 'no submissions'} and the emails we sent you.${registered ? ' Your registration is cancelled and your place goes to the next person on the waitlist.' : ''} It cannot be undone.</p>
<form method="post" action="${linkTo('/api/privacy/me', token)}"><input type="hidden" name="action" value="erase"><input type="hidden" name="confirm" value="yes"><button type="submit" class="secondary">Yes, erase everything</button></form>
<form method="get" action="/api/privacy/me"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">No, keep my data</button></form>`,
  })
}

type OpenedLink = { token: string; email: string; held: HeldData }

/** The link's token opened and what is held about its address, or the refusal to answer with. */
async function openLink(req: PayloadRequest, token: unknown): Promise<OpenedLink | Response> {
  const check = readPrivacyToken(token)
  if (!check.valid) return refuse(req, INVALID[check.reason])
  return { token: token as string, email: check.email, held: await findHeldData(req, check.email) }
}

const tokenParameter = {
  name: 'token',
  in: 'query',
  required: true,
  schema: { type: 'string' },
  description: 'From the link emailed after POST /api/privacy/requests',
}

const tokenErrors = {
  400: errorAnswer(400, 'Missing or invalid token'),
  410: errorAnswer(410, 'The link has expired'),
}

/**
 * The page the emailed privacy link opens (GET /api/privacy/me?token=…): what is held, a download,
 * and erasure confirmed by a second click. JSON for a frontend, a page for a browser, like the
 * status page.
 */
export const ownPersonalData: Endpoint[] = [
  {
    path: '/privacy/me',
    method: 'get',
    handler: async (req) => {
      const link = await openLink(req, req.searchParams.get('token'))
      if (link instanceof Response) return link
      return wantsHtml(req) ? page(link.token, link.held) : Response.json(summary(link.held), { headers: NO_STORE })
    },
    custom: {
      openapi: {
        tags: ['Privacy'],
        summary: "What is held about the link's address (JSON, or a page for a browser)",
        security: [],
        parameters: [tokenParameter],
        responses: { 200: { description: 'What is held' }, ...tokenErrors },
      },
    },
  },
  {
    path: '/privacy/me/export',
    method: 'get',
    handler: async (req) => {
      const link = await openLink(req, req.searchParams.get('token'))
      if (link instanceof Response) return link
      await recordAudit(req, { action: 'export', collection: 'privacy', subjectHash: pseudonymize(link.email), detail: { by: 'the person', ...heldCounts(link.held) } })
      return downloadAnswer(link.email, personalDataExport(link.held))
    },
    custom: {
      openapi: {
        tags: ['Privacy'],
        summary: "Everything held about the link's address, as one JSON file",
        security: [],
        parameters: [tokenParameter],
        responses: { 200: { description: 'The personal data export (a JSON attachment)' }, ...tokenErrors },
      },
    },
  },
  {
    path: '/privacy/me',
    method: 'post',
    handler: async (req) => {
      const form = await readPostedFields(req)
      const token = req.searchParams.get('token') ?? form.token
      const check = readPrivacyToken(token)
      if (!check.valid) return refuse(req, INVALID[check.reason])
      if (form.action !== 'erase') return refuse(req, { status: 400, message: 'Say what to do: "action" is "erase".' })
      const confirmed = form.confirm === 'yes' || form.confirm === true
      if (!confirmed) {
        if (wantsHtml(req)) return confirmPage(token as string, await findHeldData(req, check.email))
        return refuse(req, { status: 400, message: 'Erasure cannot be undone: send "confirm": true to erase.' })
      }
      const erased = await eraseInTransaction(req, check.email, 'the person')
      if (wantsHtml(req)) return page(token as string, await findHeldData(req, check.email), 'Your data is erased.')
      return Response.json({ message: 'Your data is erased.', erased }, { headers: NO_STORE })
    },
    custom: {
      openapi: {
        tags: ['Privacy'],
        summary: "Erase everything held about the link's address (confirmed: a first post without `confirm` only asks)",
        security: [],
        parameters: [tokenParameter],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['action', 'confirm'],
                properties: { action: { type: 'string', enum: ['erase'] }, confirm: { type: 'boolean', enum: [true] } },
              },
            },
          },
        },
        responses: { 200: { description: 'Erased' }, ...tokenErrors },
      },
    },
  },
]
