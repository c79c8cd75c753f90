import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  Endpoint,
  Field,
  Payload,
  PayloadRequest,
  UploadCollectionSlug,
} from 'payload'

import type { EmailTemplateKey, EmailValues } from '@/email/templateKeys'
import type { SubmissionStatus } from '@/lib/choices'
import type { UploadMimeType } from '@/uploads/checkUploadedFile'

/** A submission as hooks and emails see it: the stored document, fields by name. */
export type SubmissionDoc = { id: number; createdAt: string; status?: string | null; event?: unknown } & Record<string, unknown>

/**
 * What one public form is. `submissionCollection()` turns it into its collection (admin, access,
 * the hooks in their order, the review fields); the registry (./index.ts) lists every form for the
 * places that need them all: the guide's endpoints, emails, exports, the server's body limit.
 */
export type SubmissionForm<Slug extends string = string> = {
  slug: Slug
  labels: { singular: string; plural: string }
  /** How emails name it, after "your": "registration", "sponsor application". */
  formName: string
  /** The requirements guide's endpoints for it: POST /api/<submitPath>/ and GET /api/admin/<listPath>/. */
  guide: { submitPath: string; listPath: string; receivedMessage: string }
  /** The action a reCAPTCHA v3 token must have been made for. */
  captchaAction: string
  /** The field that names a submission in the admin (its title, first column, searched). */
  titleField: string
  /** Its email and phone fields; `fields` places them with contactFields(contact). */
  contact: { email: string; phone: string }
  /**
   * Who sent it, by field: the admin's title and search, and the emails' {{fullName}},
   * {{firstName}} (the first word of the full name when not given) and {{organizationName}}.
   */
  person: { fullName: string; firstName?: string; organization?: string }
  /** Admin list columns of its own, shown between the sender and the event. */
  listColumns: string[]
  /** Free-text fields, where links count as a spam signal. */
  freeText: string[]
  /**
   * The fields that identify or describe the person (names, contact details, free text about
   * them, staff notes on them): what anonymiseSubmissions replaces once the event's retention date
   * has passed. Every other answer is kept for reporting.
   */
  personal: string[]
  statuses: readonly SubmissionStatus[]
  /** How a submission moves between its statuses (./workflow/workflows.ts). */
  workflow: SubmissionWorkflow
  /**
   * The status a public submission starts in. Staff and the Local API set the status they mean;
   * a submission caught by the honeypot starts as `spam`, whatever this says.
   */
  initialStatus: string | ((req: PayloadRequest, data: Record<string, unknown>) => Promise<string>)
  /**
   * One submission per email address and event, a submission in a status that holds no place
   * aside: a partial unique index is the guarantee, and a duplicate is a field error on the email
   * field with `message` (after `onDuplicate`).
   */
  onePerEmail?: {
    message: string
    onDuplicate?: (existing: { id: number }, data: { email: string; event: number }, req: PayloadRequest) => Promise<void>
  }
  emails: {
    /** The email a new submission gets, by the status it starts in. */
    received: (status: string) => EmailTemplateKey | undefined
    /** The email a change to this status brings. */
    onStatus: Partial<Record<string, EmailTemplateKey>>
    /** Placeholder values only this form has (a registration's links). */
    values?: (payload: Payload, doc: SubmissionDoc) => EmailValues
  }
  /**
   * A file the public may send with the form (multipart: the JSON in `_payload`, the file in the
   * part named `field`), checked by content, size and virus scan before anything is stored, then
   * kept in `collection` (an upload collection whose relationship `on` names the submission),
   * shown on the submission as the join field `field`. It is the person's data: listed by the
   * privacy export, deleted with the submission, by erasure and by the retention job.
   */
  attachment?: SubmissionAttachment
  /** Its own fields, in admin order; the event comes first and the review fields last. */
  fields: Field[]
  /** Its own hooks, run after the shared ones. */
  beforeChange?: CollectionBeforeChangeHook[]
  afterChange?: CollectionAfterChangeHook[]
  afterDelete?: CollectionAfterDeleteHook[]
  endpoints?: Endpoint[]
}

export type SubmissionAttachment = {
  field: string
  label: string
  collection: UploadCollectionSlug
  on: string
  allowed: readonly UploadMimeType[]
}

/**
 * Where a submission may go from each status. Enforced on every save, by anyone (staff, the
 * person's status page, the app's own jobs): a status not listed in `next` is final.
 */
export type SubmissionWorkflow = {
  next: Partial<Record<string, readonly string[]>>
  /** Where the person's own "withdraw" on their status page takes the submission. */
  withdrawnStatus: string
  /** The statuses that are staff decisions: reaching one records decidedAt and decidedBy. */
  decisions: readonly string[]
  /** An offer the person accepts from their status page (a place from the waitlist). */
  acceptOffer?: { from: string; to: string }
}

/** Keeps the form's slug as a literal type, so the registry can type every collection call. */
export const defineSubmissionForm = <const Slug extends string>(form: SubmissionForm<Slug>): SubmissionForm<Slug> => form
