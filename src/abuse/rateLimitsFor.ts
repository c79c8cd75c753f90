import pg from 'pg'
import type { Payload } from 'payload'

import { intEnv } from '@/lib/env'

import { createRateLimits, type RateLimits } from './rateLimits'

const byInstance = new WeakMap<Payload, RateLimits>()

/**
 * The rate limits of this Payload instance. Counters are read while the request's transaction
 * already holds a connection of Payload's pool; with their own small pool, a burst of requests
 * cannot take every connection and then wait on each other for one more.
 */
export function rateLimitsFor(payload: Payload): RateLimits {
  let limits = byInstance.get(payload)
  if (!limits) {
    const pool = new pg.Pool({
      connectionString: payload.db.poolOptions.connectionString,
      max: intEnv('RATE_LIMIT_POOL_MAX', 4),
      connectionTimeoutMillis: intEnv('DATABASE_CONNECT_TIMEOUT_MS', 5000),
    })
    const onStoreError = (error: unknown) =>
      payload.logger.error({ err: error, msg: 'rate limit store failed; request let through' })
    // An idle connection lost (PostgreSQL restarting); the pool opens a new one when needed. (Not
    // src/db/outageTolerantPg's pool: rate-limiter-flexible recognises a store by its class name.)
    pool.on('error', (error) => payload.logger.warn({ err: error, msg: 'rate limit store: idle connection lost' }))
    limits = createRateLimits({ pool, onStoreError })
    byInstance.set(payload, limits)
  }
  return limits
}
