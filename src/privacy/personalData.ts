import type { PayloadRequest, Where } from 'payload'

import { formPerEmailKey } from '@/abuse/guardPublicSubmission'
import { rateLimitsFor } from '@/abuse/rateLimitsFor'
import { relationId } from '@/lib/relationId'
import { pseudonymize } from '@/lib/pseudonymize'
import { normalizeEmail } from '@/lib/text'
import { SUBMISSION_FORMS, submissionForm, type SubmissionSlug } from '@/submissions'
import type { SubmissionDoc } from '@/submissions/SubmissionForm'

import { PRIVACY_REQUEST_FORM } from './privacyLink'

type Doc = Record<string, unknown> & { id: number | string }

/** Everything the app holds about one email address, as staff and the person see it. */
export type HeldData = {
  email: string
  submissions: { collection: SubmissionSlug; formName: string; docs: SubmissionDoc[] }[]
  /** The emails sent (or waiting to be sent) to the address. */
  emails: Doc[]
  /** Refused or suspicious posts that named the address, found by its keyed hash. */
  securityEvents: Doc[]
  /** A staff account with the same address: shown, never erased from here (an admin removes it in Users). */
  staffAccount: Doc | null
  /** The events the submissions are for, by id. */
  events: Doc[]
  /** The files sent with the submissions (a sponsor's deck). */
  files: HeldFile[]
}

/** A file sent with a submission: what it is and where staff download it (never a public address). */
export type HeldFile = {
  collection: string
  id: number
  submission: { collection: SubmissionSlug; id: number | undefined }
  name: string
  size: number
  type: string
  staffDownloadPath: string
}

const everything = { depth: 0, pagination: false, overrideAccess: true } as const

/** Finds every record of the address, in the request's transaction when it has one. */
export async function findHeldData(req: PayloadRequest, address: string): Promise<HeldData> {
  const email = normalizeEmail(address)
  const { payload } = req
  const submissions = await Promise.all(
    SUBMISSION_FORMS.map(async (form) => {
      const { docs } = await payload.find({ collection: form.slug, where: { [form.contact.email]: { equals: email } }, ...everything, req })
      return { collection: form.slug, formName: form.formName, docs: docs as unknown as SubmissionDoc[] }
    }),
  )
  const held = submissions.filter(({ docs }) => docs.length)
  const submissionIds = held.flatMap(({ collection, docs }) => docs.map(({ id }) => ({ collection, id })))
  const eventIds = [...new Set(held.flatMap(({ docs }) => docs.map((doc) => relationId(doc.event)).filter((id) => id !== undefined)))]
  const [emails, securityEvents, accounts, events, files] = await Promise.all([
    payload.find({
      collection: 'email-outbox',
      where: {
        or: [
          { to: { equals: email } },
          ...submissionIds.map(({ collection, id }): Where => ({
            and: [{ 'submission.relationTo': { equals: collection } }, { 'submission.value': { equals: id } }],
          })),
        ],
      },
      ...everything,
      req,
    }),
    payload.find({ collection: 'security-events', where: { emailHash: { equals: pseudonymize(email) } }, ...everything, req }),
    payload.find({ collection: 'users', where: { email: { equals: email } }, ...everything, req }),
    eventIds.length
      ? payload.find({ collection: 'events', where: { id: { in: eventIds } }, ...everything, req, select: { name: true, startsAt: true, endsAt: true } })
      : { docs: [] },
    findAttachedFiles(req, held),
  ])
  return {
    email,
    submissions: held,
    emails: emails.docs as unknown as Doc[],
    securityEvents: securityEvents.docs as unknown as Doc[],
    staffAccount: (accounts.docs[0] as unknown as Doc | undefined) ?? null,
    events: events.docs as unknown as Doc[],
    files,
  }
}

/** The files attached to the submissions found, from each form's attachment collection. */
async function findAttachedFiles(req: PayloadRequest, held: HeldData['submissions']): Promise<HeldFile[]> {
  const found = await Promise.all(
    held.map(async ({ collection, docs }) => {
      const attachment = submissionForm(collection).attachment
      if (!attachment) return []
      const where = { [attachment.on]: { in: docs.map(({ id }) => id) } }
      const { docs: files } = await req.payload.find({ collection: attachment.collection, where, ...everything, req })
      return files.map((file) => ({
        collection: attachment.collection,
        id: file.id,
        submission: { collection, id: relationId((file as unknown as Doc)[attachment.on]) },
        name: file.filename ?? '',
        size: file.filesize ?? 0,
        type: file.mimeType ?? '',
        staffDownloadPath: file.url ?? '',
      }))
    }),
  )
  return found.flat()
}

export const holdsAnything = (held: HeldData) =>
  held.submissions.length > 0 || held.emails.length > 0 || held.securityEvents.length > 0

/** How many records of each kind: what staff see before they download or erase. */
export const heldCounts = (held: HeldData) => ({
  submissions: Object.fromEntries(held.submissions.map(({ collection, docs }) => [collection, docs.length])),
  emails: held.emails.length,
  securityEvents: held.securityEvents.length,
  files: held.files.length,
  staffAccount: held.staffAccount !== null,
})

/** One line per submission, as staff and the person see it: its form, event, status (by its label) and date. */
export function submissionLines(held: HeldData) {
  return held.submissions.flatMap(({ collection, formName, docs }) =>
    docs.map((doc) => {
      const event = held.events.find(({ id }) => id === doc.event)
      const status = submissionForm(collection).statuses.find(({ value }) => value === doc.status)?.label ?? doc.status ?? null
      return {
        collection,
        formName,
        id: doc.id,
        event: (event?.name as string | undefined) ?? null,
        startsAt: (event?.startsAt as string | undefined) ?? null,
        status,
        createdAt: doc.createdAt,
      }
    }),
  )
}

/** The download: one JSON document, readable by the person (GDPR art. 15 and 20). */
export function personalDataExport(held: HeldData) {
  const { email, submissions, emails, securityEvents, staffAccount, events, files } = held
  return {
    about: email,
    exportedAt: new Date().toISOString(),
    submissions: Object.fromEntries(submissions.map(({ collection, docs }) => [collection, docs])),
    events,
    emails: emails.map(({ id, template, subject, status, sentAt, createdAt }) => ({ id, template, subject, status, sentAt, createdAt })),
    securityEvents: securityEvents.map(({ id, kind, form, detail, createdAt }) => ({ id, kind, form, detail, createdAt })),
    staffAccount: staffAccount && { id: staffAccount.id, email: staffAccount.email, roles: staffAccount.roles, createdAt: staffAccount.createdAt },
    // What each file is; the file itself is downloaded by staff from its path (signed in).
    files,
  }
}

export type ErasureSummary = ReturnType<typeof heldCounts>

/**
 * Erases the address: its submissions (each through Payload, so a registration's place is offered
 * to the waitlist and versions go with it, and a sponsor's deck with its file, on disk or in S3), the emails to it, the security events naming it and
 * its rate-limit counters. Runs in the request's transaction; the counters, outside any database,
 * are forgotten only once that has committed (`afterCommit`).
 */
export async function erasePersonalData(req: PayloadRequest, held: HeldData): Promise<{ summary: ErasureSummary; afterCommit: () => Promise<void> }> {
  const { payload } = req
  for (const { collection, docs } of held.submissions) {
    // Whole documents come back: the form's afterDelete hooks read them (a registration's place, its event).
    for (const { id } of docs) await payload.delete({ collection, id, overrideAccess: true, req, depth: 0 })
  }
  const byId = (docs: Doc[]) => ({ id: { in: docs.map(({ id }) => id) } })
  if (held.emails.length) await payload.delete({ collection: 'email-outbox', where: byId(held.emails), overrideAccess: true, req, select: {} })
  if (held.securityEvents.length)
    await payload.delete({ collection: 'security-events', where: byId(held.securityEvents), overrideAccess: true, req, select: {} })

  const registrationEvents = held.submissions
    .filter(({ collection }) => collection === 'registrations')
    .flatMap(({ docs }) => docs.map((doc) => relationId(doc.event)))
  const afterCommit = async () => {
    const limits = rateLimitsFor(payload)
    await Promise.all([
      ...[...SUBMISSION_FORMS.map(({ slug }) => slug), PRIVACY_REQUEST_FORM].map((form) => limits.reset('formPerEmail', formPerEmailKey(form, held.email))),
      ...registrationEvents.map((event) => limits.reset('noticePerEmail', `${event}:${held.email}`)),
    ])
  }
  return { summary: heldCounts(held), afterCommit }
}
