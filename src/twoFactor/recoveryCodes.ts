import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'

export const RECOVERY_CODE_COUNT = 10

// No 0/o, 1/l/i: codes are read off paper and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const GROUP = 5

/** Only keyed hashes are stored (HMAC-SHA256, key derived from PAYLOAD_SECRET). */
const hash = (code: string) =>
  createHmac('sha256', `two-factor recovery code:${process.env.PAYLOAD_SECRET ?? ''}`).update(code).digest('hex')

/** What a person typed, as it was generated: case, spaces and dashes do not matter. */
const normalise = (code: string) => code.toLowerCase().replace(/[\s-]/g, '')

/** New one-time codes like `k7m2p-xq9ha` (about 49 bits each), shown once, and the hashes to store. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)])
    return `${chars.slice(0, GROUP).join('')}-${chars.slice(GROUP).join('')}`
  })
  return { codes, hashes: codes.map((code) => hash(normalise(code))) }
}

/** The hashes left once `code` is used, or undefined when it is none of them. */
export function useRecoveryCode(hashes: unknown, code: unknown): string[] | undefined {
  if (!Array.isArray(hashes) || typeof code !== 'string') return undefined
  const given = Buffer.from(hash(normalise(code)))
  const index = hashes.findIndex(
    (stored) => typeof stored === 'string' && stored.length === given.length && timingSafeEqual(Buffer.from(stored), given),
  )
  return index === -1 ? undefined : hashes.filter((_, i) => i !== index)
}
