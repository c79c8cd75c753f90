import { createHmac } from 'node:crypto'

/**
 * A stable keyed hash of an IP address or email, for logs and security events: the same person
 * is recognisable across events without the raw value being stored. Keyed with PAYLOAD_SECRET so
 * it cannot be reversed by hashing guesses.
 */
export const pseudonymize = (value: string): string =>
  createHmac('sha256', process.env.PAYLOAD_SECRET ?? '').update(value.trim().toLowerCase()).digest('hex').slice(0, 16)
