import { APIError, type Config } from 'payload'

/**
 * A refused two-factor request (wrong code, session not finished, not allowed): an ordinary answer
 * with its message shown to the client, logged at `info` like Payload's own Forbidden
 * (`loggingLevels` in payload.config.ts), not as an error. Wrong codes also leave a security event.
 */
export class TwoFactorRefusal extends APIError {
  constructor(message: string, status: 401 | 403) {
    super(message, status, undefined, true)
    this.name = 'TwoFactorRefusal'
  }
}

/** For payload.config.ts: Payload's type lists only its own error names. */
export const TWO_FACTOR_LOGGING_LEVELS = { TwoFactorRefusal: 'info' } as unknown as NonNullable<Config['loggingLevels']>
