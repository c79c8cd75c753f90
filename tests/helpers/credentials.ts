import { generateSync } from 'otplib'
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded admin's two-factor secret, when the run enrolled it (e2e: production requires it). */
    seededAdminTotpSecret?: string
  }
}

/** The seeded admin's two-factor secret in this test process, if it has one. */
export function seededAdminTotpSecret(): string | undefined {
  try {
    return inject('seededAdminTotpSecret')
  } catch {
    return undefined // outside a test file (a global setup)
  }
}

/**
 * The admin that the seed creates in every test database (see globalSetup files). `code` is its
 * current two-factor code when it is enrolled (the browser tests' production server requires it
 * of admins), so `{ body: SEEDED_ADMIN }` signs in completely in one request; without enrolment it
 * is undefined and left out of JSON.
 */
export const SEEDED_ADMIN = {
  email: 'admin@otei.test',
  password: 'seeded-admin-password-1',
  get code(): string | undefined {
    const secret = seededAdminTotpSecret()
    return secret ? generateSync({ secret }) : undefined
  },
}

/** The frontend's origin, allowed by CORS_ORIGINS in the browser tests' server. */
export const FRONTEND_ORIGIN = 'http://frontend.otei.test'
