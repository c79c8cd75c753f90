import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * TOTP secrets are stored encrypted (AES-256-GCM, key derived from PAYLOAD_SECRET): a copy of the
 * database alone (a backup, a leaked dump) does not give anyone the codes. Rotating PAYLOAD_SECRET
 * therefore makes every enrolled authenticator unusable (docs/security.md, "Accounts").
 */
const key = (purpose: string) => Buffer.from(hkdfSync('sha256', process.env.PAYLOAD_SECRET ?? '', 'otei', purpose, 32))

const TWO_FACTOR = 'two-factor secret'

/** Sealed for one purpose (its own key): a value sealed for another purpose does not open. */
export function sealSecret(secret: string, purpose = TWO_FACTOR): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(purpose), iv)
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.')
}

/** The secret, or undefined when it was sealed with another key or tampered with. */
export function openSecret(sealed: unknown, purpose = TWO_FACTOR): string | undefined {
  if (typeof sealed !== 'string') return undefined
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || !data) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(purpose), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}
