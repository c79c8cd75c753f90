import { createHash } from 'node:crypto'
import { APIError, type CollectionBeforeOperationHook, type PayloadRequest, ValidationError } from 'payload'

import { checkRole } from '@/access/checkRole'
import { FORM_TOO_LARGE_MESSAGE, MAX_FORM_BODY_BYTES, RETRY_AFTER_S } from '@/lib/constants'
import { intEnv } from '@/lib/env'
import type { SubmissionForm } from '@/submissions/SubmissionForm'

import { captchaSettings, verifyCaptcha } from './captcha'
import { clientIp } from './clientIp'
import { enforceRateLimit } from './enforceRateLimit'
import { recordSecurityEvent } from './recordSecurityEvent'

/** A field real people never see (hidden by the frontend); bots fill every input they find. */
export const HONEYPOT_FIELD = 'faxNumber'
export const CAPTCHA_HEADER = 'x-captcha-token'
export const CAPTCHA_BODY_FIELD = 'captchaToken'
const LINK_PATTERN = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]/gi

const CAPTCHA_MESSAGES = {
  missing: 'Please complete the captcha.',
  invalid: 'The captcha could not be verified; please try it again.',
  'expired-or-reused': 'The captcha has expired or was already used; please try it again.',
  'low-score': 'The captcha could not confirm you are a person; please try again.',
  'wrong-action': 'The captcha was completed for another form; please try it again.',
} as const

/** The submitted content, whitespace and case aside, without the one-time captcha token. */
const canonical = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.replace(/\s+/g, ' ').trim().toLowerCase()
    : Array.isArray(value)
      ? value.map(canonical)
      : value

const contentFingerprint = (data: Record<string, unknown>): string => {
  const { [CAPTCHA_BODY_FIELD]: _token, ...content } = data
  const entries = Object.keys(content)
    .sort()
    .map((key) => [key, canonical(content[key])])
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 32)
}

/**
 * Every public create of a form (REST, GraphQL and the guide endpoints alike) passes here first
 * (screenPublicPost). Staff signed in to the admin and the Local API are not checked.
 */
export const guardPublicSubmission =
  ({ captchaAction, contact, freeText }: Pick<SubmissionForm, 'captchaAction' | 'contact' | 'freeText'>): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (operation !== 'create' || req.payloadAPI === 'local' || checkRole(['admin', 'staff'], req.user)) return args
    const data = (args.data ?? {}) as Record<string, unknown>
    const { spam } = await screenPublicPost(req, { form: collection.slug, captchaAction, freeText, email: data[contact.email], data })
    // Answered as if accepted, stored as spam (setInitialStatus), never emailed, never a duplicate.
    if (spam) req.context.spam = true
    return acknowledgeOnly(args)
  }

/**
 * The checks every anonymous post to the app passes (the forms, a privacy request), cheapest
 * first: body size (src/server.mjs refuses larger bodies over HTTP before they are read; this
 * holds for callers that bypass it), the rate limits (per IP, per recipient email, the same
 * content again), the honeypot, links in free text, then the captcha, the only check that leaves
 * the machine. Honeypot posts are counted like any other: a bot cannot post more by filling it.
 * Refusals throw (413, 429, 400 with field errors, 503); a filled honeypot is `spam: true`, for the
 * caller to answer as if accepted.
 */
export async function screenPublicPost(
  req: PayloadRequest,
  { form, captchaAction, freeText, email, data }: { form: string; captchaAction: string; freeText: readonly string[]; email: unknown; data: Record<string, unknown> },
): Promise<{ spam: boolean }> {
  const bytes = Buffer.byteLength(JSON.stringify(data))
  if (bytes > MAX_FORM_BODY_BYTES) {
    await recordSecurityEvent(req, { kind: 'body-too-large', form, email, detail: `${bytes} bytes` })
    throw new APIError(FORM_TOO_LARGE_MESSAGE, 413, undefined, true)
  }

  const ip = clientIp(req.headers) ?? 'unknown'
  const refused = (detail: string) => () => recordSecurityEvent(req, { kind: 'rate-limited', form, email, detail })
  await enforceRateLimit(req, 'formPerIp', `${form}:${ip}`, refused('per IP'))
  if (typeof email === 'string' && email.trim())
    await enforceRateLimit(req, 'formPerEmail', formPerEmailKey(form, email), refused('per email'))
  await enforceRateLimit(req, 'sameContent', `${form}:${ip}:${contentFingerprint(data)}`, refused('same content'))

  if (typeof data[HONEYPOT_FIELD] === 'string' && data[HONEYPOT_FIELD].trim() !== '') {
    await recordSecurityEvent(req, { kind: 'honeypot', form, email })
    return { spam: true }
  }

  const maxLinks = intEnv('SPAM_MAX_LINKS', 2)
  const linkErrors = freeText
    .filter((field) => typeof data[field] === 'string' && (data[field].match(LINK_PATTERN)?.length ?? 0) > maxLinks)
    .map((path) => ({ path, message: `Please include at most ${maxLinks} links.` }))
  if (linkErrors.length) {
    await recordSecurityEvent(req, { kind: 'too-many-links', form, email, detail: linkErrors.map((e) => e.path).join(',') })
    throw new ValidationError({ collection: form, errors: linkErrors, req })
  }

  const settings = captchaSettings()
  if (settings && settings.provider !== 'none') {
    const token = req.headers.get(CAPTCHA_HEADER) ?? data[CAPTCHA_BODY_FIELD]
    const verdict = await verifyCaptcha(settings, {
      token: typeof token === 'string' ? token.trim() : undefined,
      remoteIp: ip === 'unknown' ? undefined : ip,
      expectedAction: captchaAction,
    })
    if (!verdict.ok) {
      if (verdict.reason === 'unavailable') {
        await recordSecurityEvent(req, { kind: 'captcha-unavailable', form, email, detail: verdict.detail })
        req.responseHeaders = new Headers({ 'Retry-After': String(RETRY_AFTER_S.captchaUnavailable) })
        throw new APIError('Captcha verification is unavailable right now; please try again in a moment.', 503, undefined, true)
      }
      await recordSecurityEvent(req, { kind: 'captcha-failed', form, email, detail: `${verdict.reason} ${verdict.detail ?? ''}`.trim() })
      throw new ValidationError({ collection: form, errors: [{ path: CAPTCHA_BODY_FIELD, message: CAPTCHA_MESSAGES[verdict.reason] }], req })
    }
  }
  return { spam: false }
}

/** The per-address counter's key: also what erasing a person's data forgets. */
export const formPerEmailKey = (form: string, email: string) => `${form}:${email.trim().toLowerCase()}`

/**
 * The answer to a public submission carries related documents as ids (`event: 12`), not
 * populated: it is an acknowledgement, and populating would cost a query on every submission.
 */
const acknowledgeOnly = <T extends { depth?: number }>(args: T): T => ({ ...args, depth: 0 })
