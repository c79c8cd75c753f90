import { APIError, type PayloadRequest } from 'payload'

import type { RateLimitKind } from './rateLimits'

import { rateLimitsFor } from './rateLimitsFor'

/** Counts one attempt under `key`; over the limit, answers 429 with Retry-After. */
export async function enforceRateLimit(
  req: PayloadRequest,
  kind: RateLimitKind,
  key: string,
  onRefused: () => Promise<void>,
): Promise<void> {
  const verdict = await rateLimitsFor(req.payload).consume(kind, key)
  if (verdict.allowed) return
  await onRefused()
  req.responseHeaders = new Headers({ 'Retry-After': String(verdict.retryAfterS) })
  const minutes = Math.ceil(verdict.retryAfterS / 60)
  throw new APIError(
    `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    429,
    undefined,
    true,
  )
}
