import type { CollectionAfterChangeHook } from 'payload'

import { queueEmail } from '@/email/queueEmail'
import type { EmailTemplateKey } from '@/email/templateKeys'
import type { SubmissionCollection } from '@/lib/choices'
import { listEnv } from '@/lib/env'
import { relationId } from '@/lib/relationId'

type SubmissionDoc = { id: number; status?: string | null; event?: unknown } & Record<string, unknown>

/**
 * Queues the emails a submission's story calls for, in the submission's transaction: the one a
 * new submission gets (`onCreate`), a staff alert to STAFF_NOTIFY_EMAILS, and the one a status
 * change brings (`onStatus`), to the address in `emailField`. Spam and seeds
 * (`context.skipEmails`) get none.
 */
export const queueSubmissionEmails =
  ({
    onCreate,
    onStatus,
    emailField = 'email',
  }: {
    emailField?: string
    onCreate: (doc: SubmissionDoc) => EmailTemplateKey | undefined
    onStatus: Partial<Record<string, EmailTemplateKey>>
  }): CollectionAfterChangeHook<SubmissionDoc> =>
  async ({ collection, data, doc: returned, operation, previousDoc, req }) => {
    // `doc` is already filtered by read access (a public client cannot read email or status);
    // what was written is `data` over it.
    const doc = { ...returned, ...data } as SubmissionDoc
    if (req.context.skipEmails || doc.status === 'spam') return returned
    const to = String(doc[emailField])
    const about = {
      submission: { relationTo: collection.slug as SubmissionCollection, value: doc.id },
      event: relationId(doc.event),
    }
    if (operation === 'create') {
      const template = onCreate(doc)
      if (template) await queueEmail(req.payload, { ...about, template, to }, req)
      const staff = listEnv('STAFF_NOTIFY_EMAILS')
      if (staff.length) {
        await queueEmail(req.payload, { ...about, template: 'staff-new-submission', to: staff.join(', ') }, req)
      }
    } else if (operation === 'update' && doc.status && doc.status !== previousDoc?.status) {
      const template = onStatus[doc.status]
      if (template) await queueEmail(req.payload, { ...about, template, to }, req)
    }
    return returned
  }
