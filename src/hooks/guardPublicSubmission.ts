import { createHash } from 'node:crypto'
import { APIError, type CollectionBeforeOperationHook, ValidationError } from 'payload'

import { checkRole } from '@/access/checkRole'
import { captchaSettings, verifyCaptcha } from '@/lib/captcha'
import { clientIp } from '@/lib/clientIp'
import { intEnv } from '@/lib/env'

import { enforceRateLimit } from './enforceRateLimit'
import { recordSecurityEvent } from './recordSecurityEvent'

/** A field real people never see (hidden by the frontend); bots fill every input they find. */
export const HONEYPOT_FIELD = 'faxNumber'
export const CAPTCHA_HEADER = 'x-captcha-token'
export const CAPTCHA_BODY_FIELD = 'captchaToken'
// src/server.mjs refuses larger bodies earlier when they declare their length.
const MAX_BODY_BYTES = 64 * 1024
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
 * Every public create of a form (REST, GraphQL and the guide endpoints alike) passes here first,
 * cheapest check first: body size, honeypot, links in free text, rate limits (per IP, then per
 * recipient email), then the captcha, the only one that leaves the machine. Staff signed in to the admin and the Local API are not checked.
 */
export const guardPublicSubmission =
  ({ captchaAction, linkFields }: { captchaAction: string; linkFields: string[] }): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (operation !== 'create' || req.payloadAPI === 'local' || checkRole(['admin', 'staff'], req.user)) return args
    const data = (args.data ?? {}) as Record<string, unknown>
    const form = collection.slug
    const email = data.email ?? data.contactEmail

    const declaredBytes = Number(req.headers.get('content-length') ?? 0)
    if (declaredBytes > MAX_BODY_BYTES || Buffer.byteLength(JSON.stringify(data)) > MAX_BODY_BYTES) {
      await recordSecurityEvent(req, { kind: 'body-too-large', form, email, detail: `${declaredBytes} bytes` })
      throw new APIError(`The form is too large (at most ${MAX_BODY_BYTES / 1024} KB).`, 413, undefined, true)
    }

    if (typeof data[HONEYPOT_FIELD] === 'string' && data[HONEYPOT_FIELD].trim() !== '') {
      // Answered as if accepted, stored as spam (markSpam), and never emailed.
      req.context.spam = true
      await recordSecurityEvent(req, { kind: 'honeypot', form, email })
      return acknowledgeOnly(args)
    }

    const maxLinks = intEnv('SPAM_MAX_LINKS', 2)
    const linkErrors = linkFields
      .filter((field) => typeof data[field] === 'string' && (data[field].match(LINK_PATTERN)?.length ?? 0) > maxLinks)
      .map((path) => ({ path, message: `Please include at most ${maxLinks} links.` }))
    if (linkErrors.length) {
      await recordSecurityEvent(req, { kind: 'too-many-links', form, email, detail: linkErrors.map((e) => e.path).join(',') })
      throw new ValidationError({ collection: form, errors: linkErrors, req })
    }

    const ip = clientIp(req.headers) ?? 'unknown'
    const refused = (detail: string) => () => recordSecurityEvent(req, { kind: 'rate-limited', form, email, detail })
    await enforceRateLimit(req, 'formPerIp', `${form}:${ip}`, refused('per IP'))
    if (typeof email === 'string' && email.trim())
      await enforceRateLimit(req, 'formPerEmail', `${form}:${email.trim().toLowerCase()}`, refused('per email'))
    await enforceRateLimit(req, 'sameContent', `${form}:${ip}:${contentFingerprint(data)}`, refused('same content'))

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
          req.responseHeaders = new Headers({ 'Retry-After': '30' })
          throw new APIError('Captcha verification is unavailable right now; please try again in a moment.', 503, undefined, true)
        }
        await recordSecurityEvent(req, { kind: 'captcha-failed', form, email, detail: `${verdict.reason} ${verdict.detail ?? ''}`.trim() })
        throw new ValidationError({ collection: form, errors: [{ path: CAPTCHA_BODY_FIELD, message: CAPTCHA_MESSAGES[verdict.reason] }], req })
      }
    }
    return acknowledgeOnly(args)
  }

/**
 * The answer to a public submission carries related documents as ids (`event: 12`), not
 * populated: it is an acknowledgement, and populating would cost a query on every submission.
 */
const acknowledgeOnly = <T extends { depth?: number }>(args: T): T => ({ ...args, depth: 0 })
