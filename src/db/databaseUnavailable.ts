import type { Pool } from 'pg'

/** What a request is answered while PostgreSQL cannot be reached (503, with Retry-After). */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The service is briefly unavailable; please try again.'

// SQLSTATE class 08 (connection exception); 57P01–57P03: the server is shutting down, crashed or
// not yet accepting connections; 53300: too many connections.
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123]$|53300$)/
const UNAVAILABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])
// Payload's beginTransaction rethrows a new Error with only the message ("cannot begin transaction:
// connect ECONNREFUSED …", or just "… Failed query: begin" when the cause held the reason), and
// pg-pool's own failures have no code: their wording is all there is. BEGIN fails only when the
// connection does.
const UNAVAILABLE_MESSAGE =
  /cannot begin transaction|\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)\b|Connection terminated|timeout exceeded when trying to connect|not queryable|the database system is (shutting down|starting up|in recovery mode|not yet accepting connections)|terminating connection due to administrator command|too many clients already/i

/**
 * Whether `error` (or an error it wraps, such as the pg error behind a Drizzle "Failed query") says
 * PostgreSQL could not be reached or dropped the connection, as opposed to a query that failed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (typeof current !== 'object') return false
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NETWORK_CODES.has(code))) return true
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true
  }
  return false
}

/** Resolves once PostgreSQL answers `select 1` through `pool`; rejects on failure or after `timeoutMs`. */
export async function pingDatabase(pool: Pool, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      pool.query('select 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('database timeout')), timeoutMs)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
