import { hkdfSync } from 'node:crypto'

import { aesGcmOpen, aesGcmSeal } from '@/lib/aesGcm'

/**
 * TOTP secrets are stored encrypted (AES-256-GCM, key derived from PAYLOAD_SECRET): a copy of the
 * database alone (a backup, a leaked dump) does not give anyone the codes. Rotating PAYLOAD_SECRET
 * therefore makes every enrolled authenticator unusable (docs/security.md, "Accounts").
 * Stored as `v1.<iv>.<tag>.<ciphertext>`.
 */
const key = () =>
  Buffer.from(hkdfSync('sha256', process.env.PAYLOAD_SECRET ?? '', 'otei', 'two-factor secret', 32))

export function sealSecret(secret: string): string {
  const { iv, tag, data } = aesGcmSeal(key(), secret)
  return ['v1', iv, tag, data].join('.')
}

/** The secret, or undefined when it was sealed with another key or tampered with. */
export function openSecret(sealed: unknown): string | undefined {
  if (typeof sealed !== 'string') return undefined
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || !data) return undefined
  try {
    return aesGcmOpen(key(), { iv, tag, data })
  } catch {
    return undefined
  }
}
