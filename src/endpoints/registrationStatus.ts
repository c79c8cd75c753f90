import type { Endpoint } from 'payload'

import type { Event } from '@/payload-types'
import { confirmUrl, STATUS_PURPOSE } from '@/email/registrationLinks'
import { REGISTRATION_STATUSES } from '@/lib/choices'
import { formatEventDate } from '@/lib/eventDate'
import { escapeHtml, htmlPage } from '@/lib/htmlPage'
import { verifyToken } from '@/lib/signedToken'

/**
 * GET /api/registrations/status?token=…: the registrant's own view of their registration, linked
 * from every registration email. Shows the status, and the confirm button while it is pending.
 */
export const registrationStatus: Endpoint = {
  path: '/status',
  method: 'get',
  handler: async (req) => {
    const check = verifyToken(req.payload.secret, STATUS_PURPOSE, req.searchParams.get('token'))
    const registration = check.valid
      ? await req.payload.findByID({ collection: 'registrations', id: check.id, depth: 1, overrideAccess: true, disableErrors: true })
      : null
    if (!registration) {
      return htmlPage({ title: 'This link is not valid', body: '<p>Please use the link exactly as it appears in your latest email.</p>', status: check.valid ? 404 : 400 })
    }
    const event = registration.event as Event
    const status = REGISTRATION_STATUSES.find(({ value }) => value === registration.status)?.label ?? registration.status
    const when = formatEventDate(event.startsAt, event.timezone)
    const link = new URL(confirmUrl(req.payload, registration))
    const confirm =
      registration.status === 'pending-confirmation'
        ? `<form method="post" action="${escapeHtml(link.pathname + link.search)}"><button type="submit">Confirm my registration</button></form>`
        : ''
    return htmlPage({
      title: 'Your registration',
      body: `<dl><dt>Name</dt><dd>${escapeHtml(registration.name ?? '')}</dd><dt>Event</dt><dd>${escapeHtml(event.name)}</dd><dt>When</dt><dd>${escapeHtml(when)}</dd>${event.venue ? `<dt>Where</dt><dd>${escapeHtml(event.venue)}</dd>` : ''}<dt>Status</dt><dd>${escapeHtml(status)}</dd></dl>${confirm}`,
    })
  },
}
