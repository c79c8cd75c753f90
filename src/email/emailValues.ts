import type { Payload, PayloadRequest } from 'payload'

import type { Event } from '@/payload-types'
import { formatEventDate } from '@/lib/eventDate'
import { privacyLinkExpiry, privacyUrl } from '@/privacy/privacyLink'
import { type SubmissionSlug, submissionForm } from '@/submissions'
import { statusUrl } from '@/submissions/statusLink'
import type { SubmissionDoc, SubmissionForm } from '@/submissions/SubmissionForm'

import { publicBaseUrl } from './registrationLinks'
import type { EmailValues } from './templateKeys'

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** Who the submission is from, by the fields its form names. */
function person({ person: fields }: SubmissionForm, doc: SubmissionDoc) {
  const fullName = text(doc[fields.fullName])
  return {
    fullName,
    firstName: fields.firstName ? text(doc[fields.firstName]) : (fullName.split(/\s+/)[0] ?? ''),
    organizationName: fields.organization ? text(doc[fields.organization]) : '',
  }
}

/** The placeholder values for an email about one submission, read at sending time. */
export async function emailValues(
  payload: Payload,
  collection: SubmissionSlug,
  id: number,
  req?: PayloadRequest,
): Promise<EmailValues | undefined> {
  const doc = (await payload.findByID({ collection, id, depth: 1, overrideAccess: true, disableErrors: true, req })) as SubmissionDoc | null
  if (!doc) return undefined
  const form = submissionForm(collection)
  const event = typeof doc.event === 'object' && doc.event ? (doc.event as Event) : undefined
  return {
    ...person(form, doc),
    formName: form.formName,
    eventName: event?.name ?? '',
    eventDate: formatEventDate(event?.startsAt, event?.timezone),
    venue: event?.venue || 'a venue to be announced',
    adminUrl: `${publicBaseUrl(payload)}/admin/collections/${collection}/${id}`,
    statusUrl: statusUrl(payload, collection, doc),
    ...form.emails.values?.(payload, doc),
  }
}

/** The values of an email about an address (the privacy link), from its outbox row alone. */
export function addressEmailValues(payload: Payload, { to, createdAt }: { to: string; createdAt: string }): EmailValues {
  const expiresAt = privacyLinkExpiry(createdAt)
  return { privacyUrl: privacyUrl(payload, to, expiresAt), linkExpiresAt: formatEventDate(expiresAt.toISOString(), undefined) }
}
