import type { Payload } from 'payload'

/**
 * Runs `work` once the current request has let go of its transaction (not awaited, no `req`):
 * what it writes survives a refusal that rolls the request back, and a flood of such requests
 * cannot exhaust the connection pool waiting on it. A failure is logged, never answered.
 */
export function runAfterRequest(payload: Payload, what: string, work: () => Promise<unknown>): void {
  setImmediate(() => {
    work().catch((error) => payload.logger.error({ err: error, msg: `could not ${what}` }))
  })
}
