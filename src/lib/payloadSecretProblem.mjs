/**
 * The shortest PAYLOAD_SECRET production accepts. It keys the HMAC-SHA256 of session tokens, of the
 * links in emails and of the hashed IPs in security events, so one signed link or token is enough to
 * test guesses offline: 32 characters are 128 random bits written as hex (`openssl rand -hex 16`).
 * Plain JavaScript: src/server.mjs (run by node itself) checks it before it listens.
 */
export const PAYLOAD_SECRET_MIN_LENGTH = 32

/**
 * Why production cannot run with this PAYLOAD_SECRET, or undefined when it can.
 * @param {string | undefined} secret
 * @returns {string | undefined}
 */
export function payloadSecretProblem(secret) {
  const length = secret?.trim().length ?? 0
  if (length >= PAYLOAD_SECRET_MIN_LENGTH) return undefined
  const found = length === 0 ? 'is not set' : `is only ${length} characters long`
  return (
    `PAYLOAD_SECRET ${found}: production needs at least ${PAYLOAD_SECRET_MIN_LENGTH}, since it signs session ` +
    'tokens and the links in emails. Generate one with `openssl rand -hex 32`.'
  )
}
