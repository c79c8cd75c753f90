import type { CollectionConfig, Field } from 'payload'

import { adminOnly } from '@/access/adminOnly'
import { hiddenFromNonStaff } from '@/access/hiddenFromNonStaff'
import { publicOrStaff } from '@/access/publicOrStaff'
import { staffOrAdmin } from '@/access/staffOrAdmin'
import { guardPublicSubmission } from '@/abuse/guardPublicSubmission'
import { dataFields } from '@/fields/dataFields'
import { eventField } from '@/fields/eventField'
import { reviewFields } from '@/fields/reviewFields'
import { normalizePhoneSearch } from '@/hooks/normalizePhoneSearch'

import { preventDuplicateSubmission } from './hooks/preventDuplicateSubmission'
import { queueSubmissionEmails } from './hooks/queueSubmissionEmails'
import { setInitialStatus } from './hooks/setInitialStatus'
import type { SubmissionForm } from './SubmissionForm'
import { enforceStatusWorkflow } from './workflow/enforceStatusWorkflow'

/** Every field of a form's collection: its event first, then its own fields, then the review fields. */
export const submissionFields = (form: SubmissionForm): Field[] => [
  eventField(),
  ...form.fields,
  ...reviewFields({
    statuses: form.statuses,
    initialStatus: typeof form.initialStatus === 'string' ? form.initialStatus : form.statuses[0].value,
    recordsDecisions: form.workflow.decisions.length > 0,
  }),
]

/**
 * The collection a form's submissions are stored in. The hooks, in the order they run, tell a
 * submission's story:
 * - beforeOperation: the anti-abuse guard (size, rate limits, honeypot, links, captcha), then
 *   phone searches rewritten to the stored form;
 * - beforeChange: the starting status (spam, staff's choice, or the form's), a change of status
 *   checked against the form's workflow (with the row locked), the one-per-email rule, then the
 *   form's own hooks;
 * - afterChange: the emails, queued in the same transaction, then the form's own.
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
      beforeOperation: [guardPublicSubmission(form), normalizePhoneSearch([contact.phone])],
      beforeChange: [
        setInitialStatus(form),
        enforceStatusWorkflow(form),
        preventDuplicateSubmission(form),
        ...(form.beforeChange ?? []),
      ],
      afterChange: [queueSubmissionEmails(form), ...(form.afterChange ?? [])],
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
