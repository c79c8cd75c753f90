/**
 * The registry of public forms: every place that needs "the forms" reads this list (the
 * collections in payload.config.ts, the guide's endpoints, emails, exports, the outbox's links,
 * the server's body limit). A new form is one file beside this one, added here.
 */
import { exhibitorApplications } from './exhibitorApplications'
import { registrations } from './registrations'
import { sponsorApplications } from './sponsorApplications'
import type { SubmissionForm } from './SubmissionForm'
import { submissionCollection } from './submissionCollection'
import { volunteerApplications } from './volunteerApplications'

export const SUBMISSION_FORMS = [registrations, sponsorApplications, exhibitorApplications, volunteerApplications] as const

export type SubmissionSlug = (typeof SUBMISSION_FORMS)[number]['slug']

export const SUBMISSION_SLUGS = SUBMISSION_FORMS.map((form) => form.slug) as SubmissionSlug[]

export const isSubmissionSlug = (slug: unknown): slug is SubmissionSlug => SUBMISSION_SLUGS.includes(slug as SubmissionSlug)

/** The form a submission collection is made from. */
export function submissionForm(slug: SubmissionSlug): SubmissionForm<SubmissionSlug> {
  return SUBMISSION_FORMS.find((form) => form.slug === slug)!
}

export const submissionCollections = SUBMISSION_FORMS.map(submissionCollection)
