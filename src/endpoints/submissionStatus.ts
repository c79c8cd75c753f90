import { type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import type { Event } from '@/payload-types'
import { confirmUrl } from '@/email/registrationLinks'
import { formatEventDate } from '@/lib/eventDate'
import { escapeHtml, htmlPage } from '@/lib/htmlPage'
import { NO_STORE, readPostedFields, wantsHtml } from '@/lib/linkPageRequest'
import { errorAnswer } from '@/plugins/openapi/errorAnswers'
import { SUBMISSION_SLUGS, type SubmissionSlug, submissionForm } from '@/submissions'
import { type StatusTokenCheck, verifyStatusToken } from '@/submissions/statusLink'
import type { SubmissionDoc } from '@/submissions/SubmissionForm'

type Action = 'withdraw' | 'accept'

/** What the person may see of their own submission; nothing of anyone else's. */
export type SubmissionStatusView = {
  form: SubmissionSlug
  formName: string
  name: string
  status: string
  statusLabel: string
  event: { name: string; startsAt: string; endsAt: string; timezone: string | null; venue: string | null } | null
  /** Registrations on the waitlist: 1 is offered the next free place. */
  waitlistPosition: number | null
  /** Registrations offered a place: it lapses then unless accepted. */
  offerExpiresAt: string | null
  /** What POST /api/status can do now. */
  actions: Action[]
}

type Found = { slug: SubmissionSlug; doc: SubmissionDoc }
type Refusal = { status: number; message: string }

const INVALID: Record<Exclude<StatusTokenCheck, { valid: true }>['reason'], Refusal> = {
  missing: { status: 400, message: 'This link has no token. Please use the link exactly as it appears in your email.' },
  invalid: { status: 400, message: 'This link is not valid. Please use the link exactly as it appears in your email.' },
  expired: { status: 410, message: 'This link has expired.' },
}

async function lookUp(req: PayloadRequest, token: unknown): Promise<Found | Refusal> {
  const check = verifyStatusToken(req.payload.secret, token)
  if (!check.valid) return INVALID[check.reason]
  const doc = (await req.payload.findByID({ collection: check.slug, id: check.id, depth: 1, overrideAccess: true, disableErrors: true, req })) as SubmissionDoc | null
  return doc ? { slug: check.slug, doc } : { status: 404, message: 'This submission no longer exists.' }
}

function actionsFor(slug: SubmissionSlug, doc: SubmissionDoc): Action[] {
  const { workflow } = submissionForm(slug)
  const status = String(doc.status)
  const actions: Action[] = []
  if (workflow.acceptOffer?.from === status && !offerLapsed(doc)) actions.push('accept')
  if (workflow.next[status]?.includes(workflow.withdrawnStatus)) actions.push('withdraw')
  return actions
}

const offerLapsed = (doc: SubmissionDoc) => typeof doc.offerExpiresAt === 'string' && new Date(doc.offerExpiresAt) <= new Date()

function view({ slug, doc }: Found): SubmissionStatusView {
  const form = submissionForm(slug)
  const event = typeof doc.event === 'object' && doc.event ? (doc.event as Event) : null
  const status = String(doc.status)
  return {
    form: slug,
    formName: form.formName,
    name: String(doc[form.person.fullName] ?? ''),
    status,
    statusLabel: form.statuses.find(({ value }) => value === status)?.label ?? status,
    event: event && { name: event.name, startsAt: event.startsAt, endsAt: event.endsAt, timezone: event.timezone ?? null, venue: event.venue ?? null },
    waitlistPosition: typeof doc.waitlistPosition === 'number' ? doc.waitlistPosition : null,
    offerExpiresAt: status === 'offered' && typeof doc.offerExpiresAt === 'string' ? doc.offerExpiresAt : null,
    actions: actionsFor(slug, doc),
  }
}

/** SubmissionStatusView as JSON schema, for the OpenAPI document. */
const STATUS_VIEW_SCHEMA = {
  type: 'object',
  required: ['form', 'formName', 'name', 'status', 'statusLabel', 'event', 'waitlistPosition', 'offerExpiresAt', 'actions'],
  properties: {
    form: { type: 'string', enum: SUBMISSION_SLUGS },
    formName: { type: 'string' },
    name: { type: 'string' },
    status: { type: 'string' },
    statusLabel: { type: 'string' },
    event: {
      type: ['object', 'null'],
      required: ['name', 'startsAt', 'endsAt', 'timezone', 'venue'],
      properties: {
        name: { type: 'string' },
        startsAt: { type: 'string', format: 'date-time' },
        endsAt: { type: 'string', format: 'date-time' },
        timezone: { type: ['string', 'null'] },
        venue: { type: ['string', 'null'] },
      },
    },
    waitlistPosition: { type: ['integer', 'null'] },
    offerExpiresAt: { type: ['string', 'null'], format: 'date-time' },
    actions: { type: 'array', items: { type: 'string', enum: ['withdraw', 'accept'] } },
  },
}

const STATUS_VIEW_CONTENT = {
  'application/json': { schema: STATUS_VIEW_SCHEMA },
  'text/html': { schema: { type: 'string', description: 'The same facts as a page, with its buttons' } },
}

function refuse(req: PayloadRequest, { status, message }: Refusal, found?: Found): Response {
  if (wantsHtml(req)) return page(req, found, status, message)
  return Response.json({ errors: [{ message }] }, { status, headers: NO_STORE })
}

function answer(req: PayloadRequest, found: Found, notice?: string): Response {
  if (wantsHtml(req)) return page(req, found, 200, notice)
  return Response.json(view(found), { headers: NO_STORE })
}

const BUTTONS: Record<Action, (formName: string) => { label: string; note: string }> = {
  accept: () => ({ label: 'Accept my place', note: '' }),
  withdraw: (formName) => ({
    label: formName === 'registration' ? 'Cancel my registration' : `Withdraw my ${formName}`,
    note: formName === 'registration' ? 'Your place goes to the next person on the waitlist. This cannot be undone.' : 'This cannot be undone.',
  }),
}

/** The same facts as the JSON, for a person who opens the link in a browser. */
function page(req: PayloadRequest, found: Found | undefined, status: number, notice?: string): Response {
  if (!found) return htmlPage({ title: 'This link cannot be used', body: `<p>${escapeHtml(notice ?? '')}</p>`, status })
  const facts = view(found)
  const token = String(req.searchParams.get('token') ?? '')
  const action = `/api/status?token=${encodeURIComponent(token)}`
  const when = facts.event ? formatEventDate(facts.event.startsAt, facts.event.timezone) : ''
  const rows: [string, string][] = [
    ['Name', facts.name],
    ...(facts.event ? ([['Event', facts.event.name], ['When', when]] as [string, string][]) : []),
    ...(facts.event?.venue ? ([['Where', facts.event.venue]] as [string, string][]) : []),
    ['Status', facts.statusLabel],
    ...(facts.waitlistPosition ? ([['Place on the waitlist', String(facts.waitlistPosition)]] as [string, string][]) : []),
    ...(facts.offerExpiresAt ? ([['Accept before', formatEventDate(facts.offerExpiresAt, facts.event?.timezone)]] as [string, string][]) : []),
  ]
  const confirm =
    facts.form === 'registrations' && facts.status === 'pending-confirmation'
      ? (() => {
          const link = new URL(confirmUrl(req.payload, found.doc as { id: number; createdAt: string }))
          return `<form method="post" action="${escapeHtml(link.pathname + link.search)}"><button type="submit">Confirm my registration</button></form>`
        })()
      : ''
  const forms = facts.actions
    .map((name) => {
      const { label, note } = BUTTONS[name](facts.formName)
      return `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="action" value="${name}"><button type="submit"${name === 'withdraw' ? ' class="secondary"' : ''}>${escapeHtml(label)}</button>${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}</form>`
    })
    .join('')
  const title = `Your ${facts.formName}`
  return htmlPage({
    title,
    status,
    body: `${notice ? `<p class="${status >= 400 ? 'notice error' : 'notice'}" role="status">${escapeHtml(notice)}</p>` : ''}<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>${confirm}${forms}`,
  })
}

async function readAction(req: PayloadRequest): Promise<{ token: unknown; action: unknown }> {
  const body = await readPostedFields(req)
  return { token: body.token ?? req.searchParams.get('token'), action: body.action }
}

const DONE: Record<Action, (formName: string) => string> = {
  accept: () => 'Your place is confirmed. See you there!',
  withdraw: (formName) => (formName === 'registration' ? 'Your registration is cancelled.' : `Your ${formName} is withdrawn.`),
}

/**
 * GET /api/status?token=… — the person's own view of a registration or application, linked from
 * every email about it: JSON for a frontend, a small page for a browser (Accept: text/html).
 * POST /api/status with the token and `{"action": "withdraw"}` (or `"accept"`, for a place offered
 * from the waitlist) acts on it. Tokens are signed per form and submission (src/submissions/statusLink.ts).
 */
export const submissionStatus: Endpoint[] = [
  {
    path: '/status',
    method: 'get',
    handler: async (req) => {
      const found = await lookUp(req, req.searchParams.get('token'))
      return 'doc' in found ? answer(req, found) : refuse(req, found)
    },
    custom: {
      openapi: {
        tags: ['Status page'],
        summary: "A person's own submission: form, status, event, waitlist position or offer, possible actions",
        security: [],
        parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' }, description: 'From the status link in any email about the submission' }],
        responses: {
          200: { description: 'JSON (or an HTML page when the client accepts text/html)', content: STATUS_VIEW_CONTENT },
          400: errorAnswer(400, 'Missing or invalid token'),
          404: errorAnswer(404, 'The submission no longer exists'),
          410: errorAnswer(410, 'The link has expired'),
        },
      },
    },
  },
  {
    path: '/status',
    method: 'post',
    handler: async (req) => {
      const { token, action } = await readAction(req)
      const found = await lookUp(req, token)
      if (!('doc' in found)) return refuse(req, found)
      if (action !== 'withdraw' && action !== 'accept') {
        return refuse(req, { status: 400, message: 'Say what to do: "action" is "withdraw" or "accept".' }, found)
      }
      const form = submissionForm(found.slug)
      const facts = view(found)
      if (!facts.actions.includes(action)) {
        const why = action === 'accept' && offerLapsed(found.doc) ? 'the offer has lapsed' : `it is ${facts.statusLabel.toLowerCase()}`
        return refuse(req, { status: 409, message: `This ${form.formName} cannot be ${action === 'accept' ? 'accepted' : 'withdrawn'}: ${why}.` }, found)
      }
      const status = action === 'accept' ? form.workflow.acceptOffer!.to : form.workflow.withdrawnStatus
      try {
        await req.payload.update({ collection: found.slug, id: found.doc.id, data: { status } as never, overrideAccess: true, depth: 0, select: {}, req })
      } catch (error) {
        // Changed meanwhile (staff, a lapsing offer): the workflow refused it.
        if (!(error instanceof ValidationError)) throw error
        return refuse(req, { status: 409, message: `This ${form.formName} has just changed; reload to see where it stands.` }, found)
      }
      const updated = await lookUp(req, token)
      return 'doc' in updated ? answer(req, updated, DONE[action](form.formName)) : refuse(req, updated)
    },
    custom: {
      openapi: {
        tags: ['Status page'],
        summary: 'Withdraw the submission, or accept a place offered from the waitlist',
        security: [],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['token', 'action'],
                properties: { token: { type: 'string' }, action: { type: 'string', enum: ['withdraw', 'accept'] } },
              },
            },
          },
        },
        responses: {
          200: { description: 'Done: the submission as GET answers it', content: STATUS_VIEW_CONTENT },
          400: errorAnswer(400, 'Missing or invalid token, or unknown action'),
          404: errorAnswer(404, 'The submission no longer exists'),
          409: errorAnswer(409, 'Not possible now (already final, or the offer lapsed)'),
          410: errorAnswer(410, 'The link has expired'),
        },
      },
    },
  },
]
