/**
 * Values that several parts of the app must agree on, defined once. The production server
 * (src/server.mjs, plain JavaScript) reads the body limit from src/submissions/publicFormPaths.json,
 * which is written from here (npm run generate:types).
 */

/** The largest public form accepted, in bytes (the requirements guide's 64 KB). */
export const MAX_FORM_BODY_BYTES = 64 * 1024

export const FORM_TOO_LARGE_MESSAGE = `The form is too large (at most ${MAX_FORM_BODY_BYTES / 1024} KB).`

/** Seconds a client is told to wait (Retry-After) before sending the same request again. */
export const RETRY_AFTER_S = {
  /** A PostgreSQL restart or failover takes a few seconds. */
  databaseUnavailable: 5,
  /** The captcha provider did not answer; it is usually back within the minute. */
  captchaUnavailable: 30,
  /** clamd did not answer: a restart or a signature reload takes seconds to a minute. */
  virusScanUnavailable: 30,
} as const
