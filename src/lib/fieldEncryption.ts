import { createHash, hkdfSync } from 'node:crypto'

import { aesGcmOpen, aesGcmSeal } from './aesGcm'
import { requireEnv, SETUP_HINT } from './env'
import { readFieldKeys } from './fieldEncryptionKeys.mjs'

/**
 * Values of encrypted fields (health data) as stored: `fe1.<key id>.<iv>.<tag>.<ciphertext>`,
 * AES-256-GCM with a random IV per value. The key id (the first 8 hex digits of the key's
 * SHA-256) says which key opens it, so values under a previous key stay readable during a
 * rotation (docs/security.md, "Encrypted fields").
 */
const VERSION = 'fe1'
const PREFIX = `${VERSION}.`

type Keyring = { currentId: string; keys: Map<string, Buffer> }

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8)

/**
 * Development and tests without FIELD_ENCRYPTION_KEY (production refuses to start without it):
 * a key derived from PAYLOAD_SECRET, so `npm run dev` needs no setup. It also stays readable once
 * a real key is set, until `npm run encryption:rotate` has moved its values.
 */
const developmentKey = () =>
  Buffer.from(hkdfSync('sha256', requireEnv('PAYLOAD_SECRET', SETUP_HINT), 'otei', 'field encryption', 32))

let cached: { source: string; keyring: Keyring } | undefined

// Read at each use (and kept while the variables stay the same), so a test can switch keys.
function keyring(): Keyring {
  const { FIELD_ENCRYPTION_KEY, FIELD_ENCRYPTION_PREVIOUS_KEYS, PAYLOAD_SECRET, NODE_ENV } = process.env
  const source = [FIELD_ENCRYPTION_KEY, FIELD_ENCRYPTION_PREVIOUS_KEYS, PAYLOAD_SECRET, NODE_ENV].join('\n')
  if (cached?.source === source) return cached.keyring
  const production = NODE_ENV === 'production'
  const { current, previous } = readFieldKeys(process.env)
  if (!current && production) throw new Error('FIELD_ENCRYPTION_KEY must be set in production.')
  const fallback = production ? [] : [developmentKey()]
  const currentKey = current ?? fallback[0]
  const keys = new Map([currentKey, ...previous, ...fallback].map((key) => [keyId(key), key]))
  cached = { source, keyring: { currentId: keyId(currentKey), keys } }
  return cached.keyring
}

/** Why a stored value could not be opened; carries the key id, never the value. */
export class FieldDecryptionError extends Error {
  constructor(
    readonly keyId: string,
    reason: string,
  ) {
    super(`cannot decrypt a value under key ${keyId}: ${reason}`)
  }
}

/** Whether a stored value is encrypted (anything else is plaintext written before encryption). */
export const isEncryptedValue = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX)

/** The id of the key new values are encrypted under. */
export const currentFieldKeyId = (): string => keyring().currentId

/** How every value encrypted under the current key begins. */
export const currentKeyPrefix = (): string => `${PREFIX}${currentFieldKeyId()}.`

/** The stored form of a value: encrypted under the current key. */
export function encryptFieldValue(plaintext: string): string {
  const { currentId, keys } = keyring()
  const { iv, tag, data } = aesGcmSeal(keys.get(currentId)!, plaintext)
  return [VERSION, currentId, iv, tag, data].join('.')
}

/**
 * The plaintext of a stored value; plaintext written before encryption comes back as it is.
 * Throws FieldDecryptionError for a key no longer configured or a value altered since.
 */
export function decryptFieldValue(stored: string): string {
  if (!isEncryptedValue(stored)) return stored
  const [, id, iv, tag, data, ...rest] = stored.split('.')
  const key = keyring().keys.get(id)
  if (!key) throw new FieldDecryptionError(id, 'this key is not configured (FIELD_ENCRYPTION_KEY, FIELD_ENCRYPTION_PREVIOUS_KEYS)')
  if (!iv || !tag || data === undefined || rest.length) throw new FieldDecryptionError(id, 'the value is malformed')
  try {
    return aesGcmOpen(key, { iv, tag, data })
  } catch {
    throw new FieldDecryptionError(id, 'the value was altered, or sealed with another key under the same id')
  }
}
