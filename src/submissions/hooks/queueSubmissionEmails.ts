import type { CollectionAfterChangeHook } from 'payload'

import { queueEmail } from '@/email/queueEmail'
import { SPAM_STATUS } from '@/lib/choices'
import { listEnv } from '@/lib/env'
import { relationId } from '@/lib/relationId'

import type { SubmissionSlug } from '@/submissions'
import type { SubmissionDoc, SubmissionForm } from '../SubmissionForm'
import { statusBeforeSave } from '../workflow/statusBeforeSave'

/**
 * Queues the emails a submission's story calls for, in the submission's transaction: the one a
 * new submission gets (by the status it starts in), a staff alert to STAFF_NOTIFY_EMAILS, and the
 * one a status change brings, to the form's email field — a change measured from the status the
 * row had under its lock, so a decision two staff save at once is emailed once. Spam and Local API writes that say
 * `context.skipEmails` (seeds) get none.
 */
export const queueSubmissionEmails =
  ({ slug, contact, emails }: Pick<SubmissionForm, 'slug' | 'contact' | 'emails'>): CollectionAfterChangeHook<SubmissionDoc> =>
  async ({ data, doc: returned, operation, previousDoc, req }) => {
    // `doc` is already filtered by read access (a public client cannot read email or status) and
    // by the caller's `select`; what the row now holds is `data` over it, over the row before.
    const doc = { ...previousDoc, ...returned, ...data } as SubmissionDoc
    if (req.context.skipEmails || !doc.status || doc.status === SPAM_STATUS.value) return returned
    const to = String(doc[contact.email])
    const about = { submission: { relationTo: slug as SubmissionSlug, value: doc.id }, event: relationId(doc.event) }
    if (operation === 'create') {
      const template = emails.received(doc.status)
      if (template) await queueEmail(req.payload, { ...about, template, to }, req)
      const staff = listEnv('STAFF_NOTIFY_EMAILS')
      if (staff.length) await queueEmail(req.payload, { ...about, template: 'staff-new-submission', to: staff.join(', ') }, req)
    } else if (operation === 'update' && doc.status !== (statusBeforeSave(req, slug, doc.id) ?? previousDoc?.status)) {
      const template = emails.onStatus[doc.status]
      if (template) await queueEmail(req.payload, { ...about, template, to }, req)
    }
    return returned
  }
