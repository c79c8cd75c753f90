import type { Endpoint, PayloadRequest } from 'payload'

import type { Event, Registration } from '@/payload-types'
import { CONFIRM_PURPOSE } from '@/email/registrationLinks'
import { escapeHtml, htmlPage } from '@/lib/htmlPage'
import { verifyToken } from '@/lib/signedToken'
import { statusUrl } from '@/submissions/statusLink'

type Outcome = { status: number; state: 'pending' | 'confirmed' | 'waitlisted' | 'expired' | 'invalid'; title: string; message: string; registration?: Registration }

const eventName = (registration: Registration) => (registration.event as Event | undefined)?.name ?? 'the event'

async function lookUp(req: PayloadRequest): Promise<Outcome> {
  const check = verifyToken(req.payload.secret, CONFIRM_PURPOSE, req.searchParams.get('token'))
  const invalid: Outcome = { status: 400, state: 'invalid', title: 'This link is not valid', message: 'Please use the link exactly as it appears in your email.' }
  if (!check.valid && check.reason === 'invalid') return invalid
  const registration = await req.payload.findByID({ collection: 'registrations', id: check.id!, depth: 1, overrideAccess: true, disableErrors: true })
  if (!registration) return invalid
  const name = escapeHtml(eventName(registration))
  if (registration.status === 'confirmed') {
    return { status: 200, state: 'confirmed', title: 'Your registration is confirmed', message: `You are registered for ${name}. See you there!`, registration }
  }
  if (registration.status === 'waitlisted' || registration.status === 'offered') return waitlisted(req, registration)
  if (!check.valid || registration.status !== 'pending-confirmation') {
    return { status: 410, state: 'expired', title: 'This link has expired', message: `Your registration for ${name} was not confirmed in time. Please register again.`, registration }
  }
  return { status: 200, state: 'pending', title: 'Confirm your registration', message: `One click confirms your place at ${name}.`, registration }
}

function waitlisted(req: PayloadRequest, registration: Registration): Outcome {
  const name = escapeHtml(eventName(registration))
  const link = new URL(statusUrl(req.payload, 'registrations', registration))
  const page = escapeHtml(link.pathname + link.search)
  const message = `Your email address is confirmed, but ${name} is full for now, so you are on its waitlist. We will email you as soon as a place opens up; <a href="${page}">your registration page</a> shows where you stand.`
  return { status: 200, state: 'waitlisted', title: 'You are on the waitlist', message, registration }
}

const wantsJson = (req: PayloadRequest) => req.headers.get('accept')?.includes('application/json')

function answer(req: PayloadRequest, outcome: Outcome, form = ''): Response {
  if (wantsJson(req)) return Response.json({ status: outcome.state, message: outcome.title }, { status: outcome.status, headers: { 'Cache-Control': 'no-store' } })
  return htmlPage({ title: outcome.title, body: `<p>${outcome.message}</p>${form}`, status: outcome.status })
}

const TOKEN_PARAMETER = { in: 'query', name: 'token', required: true, schema: { type: 'string' }, description: 'From the confirmation email' }

/** Asked for JSON (Accept: application/json): `{"status", "message"}`; otherwise the page. */
const outcome = (description: string, states: Outcome['state'][]) => ({
  description,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['status', 'message'],
        properties: { status: { type: 'string', enum: states }, message: { type: 'string' } },
      },
    },
    'text/html': { schema: { type: 'string' } },
  },
})

const ANSWERS = {
  400: outcome('The link is not valid', ['invalid']),
  410: outcome('The registration was not confirmed in time', ['expired']),
}

/**
 * GET /api/registrations/confirm?token=… shows a page with a button; only the POST it sends
 * confirms. Mail scanners and link previewers follow links (GET) but do not submit forms, so
 * they cannot confirm on someone's behalf.
 */
export const confirmRegistration: Endpoint[] = [
  {
    path: '/confirm',
    method: 'get',
    handler: async (req) => {
      const outcome = await lookUp(req)
      const form =
        outcome.state === 'pending'
          ? `<form method="post" action="?token=${encodeURIComponent(req.searchParams.get('token') ?? '')}"><button type="submit">Confirm my registration</button></form>`
          : ''
      return answer(req, outcome, form)
    },
    custom: {
      openapi: {
        tags: ['Status page'],
        summary: 'The confirmation page of a registration (confirms nothing by itself)',
        security: [],
        parameters: [TOKEN_PARAMETER],
        responses: { 200: outcome('Where the registration stands; `pending` until the page’s button is pressed', ['pending', 'confirmed', 'waitlisted']), ...ANSWERS },
      },
    },
  },
  {
    path: '/confirm',
    method: 'post',
    handler: async (req) => {
      const outcome = await lookUp(req)
      if (outcome.state !== 'pending') return answer(req, outcome)
      // A full event puts the registration on its waitlist instead (holdPlaceOrWaitlist).
      const { status } = await req.payload.update({
        collection: 'registrations',
        id: outcome.registration!.id,
        data: { status: 'confirmed' },
        overrideAccess: true,
        depth: 0,
        select: { status: true },
        req,
      })
      if (status === 'waitlisted') return answer(req, waitlisted(req, outcome.registration!))
      const name = escapeHtml(eventName(outcome.registration!))
      return answer(req, { status: 200, state: 'confirmed', title: 'Your registration is confirmed', message: `Thank you! You are registered for ${name}. A confirmation is on its way to your inbox.` })
    },
    custom: {
      openapi: {
        tags: ['Status page'],
        summary: 'Confirm a registration’s email address (double opt-in)',
        security: [],
        parameters: [TOKEN_PARAMETER],
        responses: { 200: outcome('Confirmed, or on the waitlist when the event is full', ['confirmed', 'waitlisted']), ...ANSWERS },
      },
    },
  },
]
