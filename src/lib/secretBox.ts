import { hkdfSync } from 'node:crypto'

import { aesGcmOpen, aesGcmSeal } from '@/lib/aesGcm'

/**
 * Small secrets sealed with AES-256-GCM under a key derived from PAYLOAD_SECRET and their purpose:
 * TOTP secrets at rest (a copy of the database alone gives nobody the codes, and rotating
 * PAYLOAD_SECRET makes every enrolled authenticator unusable: docs/security.md, "Accounts"), and the
 * address inside a privacy link and a queued privacy request (src/privacy/privacyLink.ts).
 * Written `v1.<iv>.<tag>.<ciphertext>`.
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
