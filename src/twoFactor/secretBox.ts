import { hkdfSync } from 'node:crypto'

import { aesGcmOpen, aesGcmSeal } from '@/lib/aesGcm'

/**
 * TOTP secrets are stored encrypted (AES-256-GCM, key derived from PAYLOAD_SECRET): a copy of the
 * database alone (a backup, a leaked dump) does not give anyone the codes. Rotating PAYLOAD_SECRET
 * therefore makes every enrolled authenticator unusable (docs/security.md, "Accounts").
 * Stored as `v1.<iv>.<tag>.<ciphertext>`.
 */
const key = (purpose: string) => Buffer.from(hkdfSync('sha256', process.env.PAYLOAD_SECRET ?? '', 'otei', purpose, 32))

const TWO_FACTOR = 'two-factor secret'

/** Sealed for one purpose (its own key): a value sealed for another purpose does not open. */
export function sealSecret(secret: string, purpose = TWO_FACTOR): string {
  const { iv, tag, data } = aesGcmSeal(key(purpose), secret)
  return ['v1', iv, tag, data].join('.')
}

/** The secret, or undefined when it was sealed with another key or tampered with. */
export function openSecret(sealed: unknown, purpose = TWO_FACTOR): string | undefined {
  if (typeof sealed !== 'string') return undefined
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || !data) return undefined
  try {
    return aesGcmOpen(key(purpose), { iv, tag, data })
  } catch {
    return undefined
  }
}
