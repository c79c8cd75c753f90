import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/** An AES-256-GCM result, each part written as base64url: a fresh 12-byte IV, the 16-byte tag, the ciphertext. */
export type SealedParts = { iv: string; tag: string; data: string }

const IV_BYTES = 12
const TAG_BYTES = 16

/** Encrypts under `key` (32 bytes) with a random IV, so equal values never look equal. */
export function aesGcmSeal(key: Buffer, plaintext: string): SealedParts {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return { iv: iv.toString('base64url'), tag: cipher.getAuthTag().toString('base64url'), data: data.toString('base64url') }
}

/** The plaintext; throws when the key is not the one it was sealed with or any part was altered. */
export function aesGcmOpen(key: Buffer, { iv, tag, data }: SealedParts): string {
  const ivBytes = Buffer.from(iv, 'base64url')
  const tagBytes = Buffer.from(tag, 'base64url')
  // A shortened tag would be checked on fewer bits: only whole ones are accepted.
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new Error('malformed AES-GCM value')
  const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES })
  decipher.setAuthTag(tagBytes)
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}
