import { Redis } from 'ioredis'
import type { Pool } from 'pg'
import {
  type RateLimiterAbstract,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'

import { intEnv } from '@/lib/env'

const HOUR_S = 3600

export type RateLimitKind =
  | 'formPerIp'
  | 'formPerEmail'
  | 'loginPerIp'
  | 'sameContent'
  | 'noticePerEmail'
  | 'twoFactorPerUser'

/** Limits as points per window, each configurable by environment. */
const LIMITS: Record<RateLimitKind, { env: string; points: number; durationS: number }> = {
  // The requirements guide's figure: 10 form posts per IP per hour.
  formPerIp: { env: 'RATE_LIMIT_FORM_PER_IP', points: 10, durationS: HOUR_S },
  // Caps how often one address can be made to receive confirmation emails (mail-bombing).
  formPerEmail: { env: 'RATE_LIMIT_FORM_PER_EMAIL', points: 3, durationS: HOUR_S },
  // On top of the 5-attempt account lockout: one IP trying many accounts.
  loginPerIp: { env: 'RATE_LIMIT_LOGIN_PER_IP', points: 30, durationS: 15 * 60 },
  // The same form content from the same IP is accepted once per 10 minutes (resubmits, replays).
  sameContent: { env: 'SPAM_SAME_CONTENT_PER_10_MIN', points: 1, durationS: 10 * 60 },
  // "You are already registered" notices to one address for one event.
  noticePerEmail: { env: 'RATE_LIMIT_NOTICE_PER_EMAIL', points: 1, durationS: HOUR_S },
  // Second-factor codes per account: a million codes, three valid at a time, 5 guesses per 15 minutes.
  // A right code clears the count, so only wrong ones add up.
  twoFactorPerUser: { env: 'RATE_LIMIT_TWO_FACTOR_PER_USER', points: 5, durationS: 15 * 60 },
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterS: number }

export type RateLimits = {
  consume: (kind: RateLimitKind, key: string) => Promise<RateLimitVerdict>
  /** Forgets the attempts counted under `key` (a right second-factor code). */
  reset: (kind: RateLimitKind, key: string) => Promise<void>
}

/**
 * Rate limits shared by every app process: in Redis when REDIS_URL is set, otherwise in a table of
 * rate-limiter-flexible's own (`rate_limits`) in the app's PostgreSQL, outside Payload's schema.
 * A store that fails lets requests through (logged): an outage must not close the forms.
 */
export function createRateLimits({
  pool,
  redisUrl = process.env.REDIS_URL,
  onStoreError,
}: {
  pool: Pool
  redisUrl?: string
  onStoreError: (error: unknown) => void
}): RateLimits {
  // Commands wait (briefly) for the connection rather than fail while it is being made.
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 }) : undefined
  redis?.on('error', onStoreError)
  const limiters = new Map<RateLimitKind, Promise<RateLimiterAbstract>>()

  const limiter = (kind: RateLimitKind) => {
    let created = limiters.get(kind)
    if (!created) {
      const { env, points: fallback, durationS: duration } = LIMITS[kind]
      const options = { keyPrefix: kind, points: intEnv(env, fallback), duration }
      created = redis
        ? Promise.resolve(new RateLimiterRedis({ ...options, storeClient: redis }))
        : new Promise((resolve, reject) => {
            const postgres: RateLimiterPostgres = new RateLimiterPostgres(
              { ...options, storeClient: pool, tableName: 'rate_limits' },
              (error?: unknown) => (error ? reject(error) : resolve(postgres)),
            )
          })
      created.catch(() => limiters.delete(kind)) // retry the table creation next time
      limiters.set(kind, created)
    }
    return created
  }

  return {
    consume: async (kind, key) => {
      try {
        await (await limiter(kind)).consume(key)
        return { allowed: true }
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterS: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) }
        }
        onStoreError(rejection)
        return { allowed: true }
      }
    },
    reset: async (kind, key) => {
      try {
        await (await limiter(kind)).delete(key)
      } catch (error) {
        onStoreError(error)
      }
    },
  }
}
