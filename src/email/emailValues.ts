import type { Payload, PayloadRequest } from 'payload'

import type { Event, Registration } from '@/payload-types'
import type { SubmissionCollection } from '@/lib/choices'
import { formatEventDate } from '@/lib/eventDate'

import { confirmationDeadline, confirmUrl, publicBaseUrl, statusUrl } from './registrationLinks'
import type { EmailValues } from './templateKeys'


const FORM_NAMES: Record<SubmissionCollection, string> = {
  registrations: 'registration',
  'sponsor-applications': 'sponsor application',
  'exhibitor-applications': 'exhibitor application',
  'volunteer-applications': 'volunteer application',
}

type AnySubmission = Record<string, unknown> & { id: number; createdAt: string; event?: unknown }

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** Who the submission is from, whichever form it came through. */
function person(collection: SubmissionCollection, doc: AnySubmission) {
  if (collection === 'registrations') return { firstName: text(doc.firstName), fullName: text(doc.name), organizationName: text(doc.organizationName) }
  const fullName = text(collection === 'volunteer-applications' ? doc.fullName : doc.contactPersonName)
  const organizationName = text(doc.orgName ?? doc.businessName)
  return { firstName: fullName.split(/\s+/)[0] ?? '', fullName, organizationName }
}

/** The placeholder values for an email about one submission, read at sending time. */
export async function emailValues(
  payload: Payload,
  collection: SubmissionCollection,
  id: number,
  req?: PayloadRequest,
): Promise<EmailValues | undefined> {
  const doc = (await payload.findByID({ collection, id, depth: 1, overrideAccess: true, disableErrors: true, req })) as AnySubmission | null
  if (!doc) return undefined
  const event = typeof doc.event === 'object' && doc.event ? (doc.event as Event) : undefined
  const timeZone = event?.timezone
  const values: EmailValues = {
    ...person(collection, doc),
    formName: FORM_NAMES[collection],
    eventName: event?.name ?? '',
    eventDate: formatEventDate(event?.startsAt, timeZone),
    venue: event?.venue || 'a venue to be announced',
    adminUrl: `${publicBaseUrl(payload)}/admin/collections/${collection}/${id}`,
  }
  if (collection === 'registrations') {
    const registration = doc as unknown as Registration
    values.confirmUrl = confirmUrl(payload, registration)
    values.confirmBy = formatEventDate(confirmationDeadline(registration).toISOString(), timeZone)
    values.statusUrl = statusUrl(payload, registration)
  }
  return values
}
