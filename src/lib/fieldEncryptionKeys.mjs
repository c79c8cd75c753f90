/**
 * The keys of the encrypted fields (src/lib/fieldEncryption.ts), read from the environment:
 * FIELD_ENCRYPTION_KEY encrypts, FIELD_ENCRYPTION_PREVIOUS_KEYS (comma-separated) only decrypt,
 * until `npm run encryption:rotate` has moved every value to the current key. Each key is 32
 * random bytes written as base64, as `openssl rand -base64 32` prints them.
 * Plain JavaScript: src/server.mjs (run by node itself) checks them before it listens.
 */

export const FIELD_KEY_HINT = 'Generate one with `openssl rand -base64 32`.'

// 32 bytes in standard base64: 43 characters and one "=" of padding.
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/

/**
 * @param {string} name the variable, for the message
 * @param {string} text
 * @returns {Buffer}
 */
export function decodeFieldKey(name, text) {
  const value = text.trim()
  if (BASE64_32_BYTES.test(value)) return Buffer.from(value, 'base64')
  const found = /^[0-9a-f]{64}$/i.test(value)
    ? 'it looks like hex; write the same 32 bytes as base64'
    : `got ${value.length} characters (${Buffer.from(value, 'base64').length} bytes once decoded)`
  throw new Error(`${name} must be 32 random bytes written as base64 (44 characters ending in "="): ${found}. ${FIELD_KEY_HINT}`)
}

/**
 * The keys as set, decoded; throws naming the variable when one is malformed.
 * @param {Record<string, string | undefined>} env
 * @returns {{ current: Buffer | undefined, previous: Buffer[] }}
 */
export function readFieldKeys(env) {
  const current = env.FIELD_ENCRYPTION_KEY?.trim()
  const previous = (env.FIELD_ENCRYPTION_PREVIOUS_KEYS ?? '').split(',').filter((key) => key.trim())
  return {
    current: current ? decodeFieldKey('FIELD_ENCRYPTION_KEY', current) : undefined,
    previous: previous.map((key, index) => decodeFieldKey(`FIELD_ENCRYPTION_PREVIOUS_KEYS (key ${index + 1})`, key)),
  }
}

/**
 * Why the app cannot run with these keys, or undefined when it can. Production needs its own
 * key; development and tests fall back to one derived from PAYLOAD_SECRET.
 * @param {Record<string, string | undefined>} env
 * @param {boolean} production
 * @returns {string | undefined}
 */
export function fieldEncryptionKeyProblem(env, production) {
  try {
    const { current } = readFieldKeys(env)
    if (production && !current)
      return `FIELD_ENCRYPTION_KEY is not set: production needs it to encrypt health data (accessibility needs, special requests). ${FIELD_KEY_HINT}`
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
