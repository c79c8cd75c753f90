import type { Payload } from 'payload'

import { publicBaseUrl } from '@/email/registrationLinks'
import { intEnv } from '@/lib/env'
import { normalizeEmail } from '@/lib/text'
import { openSecret, sealSecret } from '@/lib/secretBox'

/** The self-service request's name for the rate limits and security events, and its captcha action. */
export const PRIVACY_REQUEST_FORM = 'privacy-requests'
export const PRIVACY_CAPTCHA_ACTION = 'privacy'

/** How long the emailed link works. */
export const privacyLinkHours = () => intEnv('PRIVACY_LINK_HOURS', 24)

const LINK_PURPOSE = 'privacy link'
const REQUEST_PURPOSE = 'privacy request'

/**
 * The link's token carries the address sealed (AES-256-GCM): it opens that person's data and
 * nothing else, cannot be made for another address or extended without the server's secret, and
 * puts no address in the URL (proxies and browsers log URLs).
 */
export const privacyToken = (email: string, expiresAt: Date) =>
  sealSecret(JSON.stringify({ email: normalizeEmail(email), expires: Math.floor(expiresAt.getTime() / 1000) }), LINK_PURPOSE)

export type PrivacyTokenCheck = { valid: true; email: string; expiresAt: Date } | { valid: false; reason: 'missing' | 'invalid' | 'expired' }

export function readPrivacyToken(token: unknown, now = new Date()): PrivacyTokenCheck {
  if (typeof token !== 'string' || !token) return { valid: false, reason: 'missing' }
  const opened = openSecret(token, LINK_PURPOSE)
  if (!opened) return { valid: false, reason: 'invalid' }
  const { email, expires } = JSON.parse(opened) as { email: string; expires: number }
  if (expires * 1000 <= now.getTime()) return { valid: false, reason: 'expired' }
  return { valid: true, email, expiresAt: new Date(expires * 1000) }
}

/** Derived from when the email was queued, so a retried email carries a link with the same expiry. */
export const privacyLinkExpiry = (queuedAt: string | Date) => new Date(new Date(queuedAt).getTime() + privacyLinkHours() * 3_600_000)

export const privacyUrl = (payload: Payload, email: string, expiresAt: Date) =>
  `${publicBaseUrl(payload)}/api/privacy/me?token=${privacyToken(email, expiresAt)}`

/**
 * A request's address waits in the job queue sealed, so the queue's table never holds it in
 * clear (erasure looks for it in every table).
 */
export const sealRequestedAddress = (email: string) => sealSecret(normalizeEmail(email), REQUEST_PURPOSE)
export const openRequestedAddress = (sealed: unknown) => openSecret(sealed, REQUEST_PURPOSE)
