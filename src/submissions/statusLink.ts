import type { Payload } from 'payload'

import { publicBaseUrl } from '@/email/registrationLinks'
import { signToken, verifyToken } from '@/lib/signedToken'

import { isSubmissionSlug, type SubmissionSlug } from '.'

/** Links stay valid this long after their event ends (people look back, e.g. for a certificate). */
const DAYS_AFTER_EVENT = 30
/** …or after the submission was made, when its event has no end date to go by. */
const DAYS_WITHOUT_EVENT = 365

const purpose = (slug: string) => `submission-status:${slug}`

type SubmissionRef = { id: number; createdAt: string; event?: unknown }

/** Derived from the submission and its event alone, so a retried email carries the same link. */
function expiresAt({ createdAt, event }: SubmissionRef): Date {
  const endsAt = typeof event === 'object' && event ? (event as { endsAt?: string | null }).endsAt : undefined
  return endsAt
    ? new Date(new Date(endsAt).getTime() + DAYS_AFTER_EVENT * 86_400_000)
    : new Date(new Date(createdAt).getTime() + DAYS_WITHOUT_EVENT * 86_400_000)
}

/**
 * The person's own link to their submission (GET/POST /api/status): `<form>.<id>.<expiry>.<sig>`,
 * signed for that form only, so it opens one submission and nothing else.
 */
export const statusToken = (payload: Payload, slug: SubmissionSlug, submission: SubmissionRef) =>
  `${slug}.${signToken(payload.secret, purpose(slug), submission.id, expiresAt(submission))}`

export const statusUrl = (payload: Payload, slug: SubmissionSlug, submission: SubmissionRef) =>
  `${publicBaseUrl(payload)}/api/status?token=${statusToken(payload, slug, submission)}`

export type StatusTokenCheck =
  | { valid: true; slug: SubmissionSlug; id: number }
  | { valid: false; reason: 'missing' | 'invalid' | 'expired' }

export function verifyStatusToken(secret: string, token: unknown): StatusTokenCheck {
  if (typeof token !== 'string' || !token) return { valid: false, reason: 'missing' }
  const dot = token.indexOf('.')
  const slug = token.slice(0, dot)
  if (dot < 1 || !isSubmissionSlug(slug)) return { valid: false, reason: 'invalid' }
  const check = verifyToken(secret, purpose(slug), token.slice(dot + 1))
  return check.valid ? { valid: true, slug, id: check.id } : { valid: false, reason: check.reason }
}
