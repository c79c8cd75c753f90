import type { CollectionConfig, Field } from 'payload'

import { adminOnly } from '@/access/adminOnly'
import { canReadPII } from '@/access/fields/canReadPII'
import { hiddenFromNonStaff } from '@/access/hiddenFromNonStaff'
import { publicOrStaff } from '@/access/publicOrStaff'
import { staffOrAdmin } from '@/access/staffOrAdmin'
import { guardPublicSubmission } from '@/abuse/guardPublicSubmission'
import { dataFields } from '@/fields/dataFields'
import { encryptedFieldNames } from '@/fields/encrypted'
import { eventField } from '@/fields/eventField'
import { reviewFields } from '@/fields/reviewFields'
import { normalizePhoneSearch } from '@/hooks/normalizePhoneSearch'
import { refuseEncryptedFieldQueries } from '@/hooks/refuseEncryptedFieldQueries'

import { checkAttachment } from './hooks/checkAttachment'
import { deleteAttachment } from './hooks/deleteAttachment'
import { preventDuplicateSubmission } from './hooks/preventDuplicateSubmission'
import { queueSubmissionEmails } from './hooks/queueSubmissionEmails'
import { setInitialStatus } from './hooks/setInitialStatus'
import { storeAttachment } from './hooks/storeAttachment'
import type { SubmissionAttachment, SubmissionForm } from './SubmissionForm'
import { enforceStatusWorkflow } from './workflow/enforceStatusWorkflow'

/** Every field of a form's collection: its event first, then its own fields (and its attachment), then the review fields. */
export const submissionFields = (form: SubmissionForm): Field[] => [
  eventField(),
  ...form.fields,
  ...(form.attachment ? [attachmentField(form.attachment)] : []),
  ...reviewFields({
    statuses: form.statuses,
    initialStatus: typeof form.initialStatus === 'string' ? form.initialStatus : form.statuses[0].value,
    recordsDecisions: form.workflow.decisions.length > 0,
  }),
]

/** The submission's file, for staff: a join, so the file's own collection holds the link and its access rule. */
const attachmentField = ({ field, label, collection, on }: SubmissionAttachment): Field => ({
  name: field,
  label,
  type: 'join',
  collection,
  on,
  access: { read: canReadPII },
  // The file, not its link back to the submission being looked at.
  admin: { allowCreate: false, defaultColumns: ['filename', 'filesize', 'createdAt'] },
})

/**
 * The collection a form's submissions are stored in. The hooks, in the order they run, tell a
 * submission's story:
 * - beforeOperation: the anti-abuse guard (size, rate limits, honeypot, links, captcha), then
 *   phone searches rewritten to the stored form, searches on encrypted fields refused, then the
 *   attached file checked (type by content, virus scan);
 * - beforeChange: the starting status (spam, staff's choice, or the form's), a change of status
 *   checked against the form's workflow (with the row locked), the one-per-email rule, then the
 *   form's own hooks;
 * - afterChange: the emails, queued in the same transaction, then the form's own, then the
 *   attached file stored, linked to the submission;
 * - beforeDelete: the attached file deleted with it.
 * Each hook reads what it depends on itself (req.context, the form), so none relies on another
 * having run first.
 */
export function submissionCollection(form: SubmissionForm): CollectionConfig {
  const fields = submissionFields(form)
  assertFieldsExist(form, fields)
  assertContactIsPersonal(form)
  const { slug, contact, titleField } = form
  return {
    slug,
    labels: form.labels,
    admin: {
      group: 'Submissions',
      useAsTitle: titleField,
      defaultColumns: [
        titleField,
        contact.email,
        ...form.listColumns,
        'event',
        'status',
        ...(form.workflow.decisions.length ? ['assignedTo', 'score'] : []),
        'createdAt',
      ],
      listSearchableFields: [...new Set([titleField, form.person.fullName, contact.email, contact.phone])],
      hidden: hiddenFromNonStaff,
      pagination: { defaultLimit: 50 },
    },
    defaultSort: '-createdAt',
    access: {
      create: publicOrStaff, // the public form; staff add walk-ins
      read: staffOrAdmin,
      update: staffOrAdmin,
      delete: adminOnly,
    },
    // The one-per-email rule's unique index is partial (spam aside): ./onePerEmailIndexes.ts.
    hooks: {
      beforeOperation: [
        guardPublicSubmission(form),
        normalizePhoneSearch([contact.phone]),
        refuseEncryptedFieldQueries(encryptedFieldNames(fields)),
        ...(form.attachment ? [checkAttachment(form.attachment)] : []),
      ],
      beforeChange: [
        setInitialStatus(form),
        enforceStatusWorkflow(form),
        preventDuplicateSubmission(form),
        ...(form.beforeChange ?? []),
      ],
      afterChange: [
        queueSubmissionEmails(form),
        ...(form.afterChange ?? []),
        ...(form.attachment ? [storeAttachment(form.attachment)] : []),
      ],
      beforeDelete: form.attachment ? [deleteAttachment(form.attachment)] : [],
      afterDelete: form.afterDelete,
    },
    endpoints: form.endpoints,
    fields,
  }
}

/** A form that names a field it does not have would fail quietly (an empty email, no link check). */
function assertFieldsExist(form: SubmissionForm, fields: Field[]): void {
  const names = new Set(dataFields(fields).map((field) => field.name))
  const named = [
    form.titleField,
    form.contact.email,
    form.contact.phone,
    ...Object.values(form.person),
    ...form.listColumns,
    ...form.freeText,
    ...form.personal,
  ]
  const missing = named.filter((name) => !names.has(name))
  if (missing.length) throw new Error(`Form ${form.slug} names fields it does not have: ${missing.join(', ')}`)
}

/** Anonymising leaves whatever `personal` forgets: the address, the phone and the sender's name never may be. */
function assertContactIsPersonal(form: SubmissionForm): void {
  const identifying = [form.contact.email, form.contact.phone, form.person.fullName, form.person.firstName]
  const unlisted = identifying.filter((name) => name !== undefined && !form.personal.includes(name))
  if (unlisted.length) throw new Error(`Form ${form.slug} must list these fields as personal: ${unlisted.join(', ')}`)
}
