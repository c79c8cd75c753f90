import type { Payload } from 'payload'

import { intEnv } from '@/lib/env'
import { signToken } from '@/lib/signedToken'

export const CONFIRM_PURPOSE = 'confirm-registration'
export const STATUS_PURPOSE = 'registration-status'
const STATUS_LINK_DAYS = 365

type RegistrationRef = { id: number; createdAt: string }

/** Unconfirmed registrations lapse this long after they were made (double opt-in). */
export const confirmationHours = () => intEnv('REGISTRATION_CONFIRM_HOURS', 48)

export const confirmationDeadline = (registration: RegistrationRef) =>
  new Date(new Date(registration.createdAt).getTime() + confirmationHours() * 3_600_000)

/** Where links in emails point: this server's public address. */
export const publicBaseUrl = (payload: Payload) =>
  (payload.config.serverURL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '')

// Both links are derived from the registration alone, so a retried email carries the same links.
export const confirmUrl = (payload: Payload, registration: RegistrationRef) =>
  `${publicBaseUrl(payload)}/api/registrations/confirm?token=${signToken(payload.secret, CONFIRM_PURPOSE, registration.id, confirmationDeadline(registration))}`

export const statusUrl = (payload: Payload, registration: RegistrationRef) => {
  const expires = new Date(new Date(registration.createdAt).getTime() + STATUS_LINK_DAYS * 86_400_000)
  return `${publicBaseUrl(payload)}/api/registrations/status?token=${signToken(payload.secret, STATUS_PURPOSE, registration.id, expires)}`
}
