import { sql } from '@payloadcms/db-postgres/drizzle'
import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

import { requestTransaction } from '@/db/requestDatabase'
import { relationId } from '@/lib/relationId'

import type { SubmissionForm } from '../SubmissionForm'
import { statusesHoldingNoPlace } from '../statusesHoldingNoPlace'

/**
 * One submission per email address per event (the form's `onePerEmail`). The partial unique index
 * made from the same rule (../onePerEmailIndexes.ts) is the guarantee; this hook turns a duplicate
 * into a friendly field error, after `onDuplicate` (telling the address). Identical requests
 * arriving together queue on a transaction-scoped advisory lock, so the second sees the first's
 * row instead of tripping the index.
 *
 * Submissions in a status that holds no place (spam, an expired registration) do not count, and a
 * submission caught by the honeypot is not checked at all: it is stored as spam beside whatever
 * exists, answered as accepted, and so can neither take an address nor learn that it is taken.
 * Staff who move a submission back into a place-holding status, or change its email or event,
 * are checked the same way.
 */
export const preventDuplicateSubmission = ({
  contact,
  labels,
  onePerEmail,
  statuses,
}: Pick<SubmissionForm, 'contact' | 'labels' | 'onePerEmail' | 'statuses'>): CollectionBeforeChangeHook => {
  const notHoldingPlace = statusesHoldingNoPlace(statuses)
  return async ({ collection, data, operation, originalDoc, req }) => {
    if (!onePerEmail || req.context.spam) return data
    const after = { ...originalDoc, ...data }
    const email = after[contact.email]
    const event = relationId(after.event)
    if (typeof email !== 'string' || event === undefined || notHoldingPlace.includes(after.status)) return data
    const movedInto =
      operation === 'update' &&
      originalDoc &&
      (email !== originalDoc[contact.email] || event !== relationId(originalDoc.event) || notHoldingPlace.includes(originalDoc.status))
    if (operation !== 'create' && !movedInto) return data

    await lockUntilCommit(req, `${collection.slug}:${event}:${email}`)
    const { docs } = await req.payload.find({
      collection: collection.slug,
      where: {
        and: [
          { event: { equals: event } },
          { [contact.email]: { equals: email } },
          { status: { not_in: notHoldingPlace } },
          ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
      limit: 1,
      pagination: false, // no count query
      depth: 0,
      select: {},
      overrideAccess: true,
      req,
    })
    const existing = docs[0]
    if (!existing) return data
    if (operation === 'create') {
      await onePerEmail.onDuplicate?.({ id: existing.id as number }, { email, event }, req)
      throw new ValidationError({ collection: collection.slug, errors: [{ path: contact.email, message: onePerEmail.message }], req })
    }
    const statusOnly = email === originalDoc?.[contact.email] && event === relationId(originalDoc?.event)
    const message = `Another ${labels.singular.toLowerCase()} for ${email} at this event already holds the place (#${existing.id}).`
    throw new ValidationError({ collection: collection.slug, errors: [{ path: statusOnly ? 'status' : contact.email, message }], req })
  }
}

async function lockUntilCommit(req: PayloadRequest, key: string): Promise<void> {
  // Without a transaction there is nothing to hold the lock for; the unique index still decides.
  const transaction = await requestTransaction(req)
  await transaction?.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`)
}
