import type { Payload } from 'payload'

import { intEnv } from '@/lib/env'
import { signToken } from '@/lib/signedToken'

export const CONFIRM_PURPOSE = 'confirm-registration'
/** Status links sent before /api/status existed; still honoured (src/endpoints/registrationStatus.ts). */
export const STATUS_PURPOSE = 'registration-status'

type RegistrationRef = { id: number; createdAt: string }

/** Unconfirmed registrations lapse this long after they were made (double opt-in). */
export const confirmationHours = () => intEnv('REGISTRATION_CONFIRM_HOURS', 48)

export const confirmationDeadline = (registration: RegistrationRef) =>
  new Date(new Date(registration.createdAt).getTime() + confirmationHours() * 3_600_000)

/** Where links in emails point: this server's public address. */
export const publicBaseUrl = (payload: Payload) =>
  (payload.config.serverURL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '')

// Derived from the registration alone, so a retried email carries the same link.
export const confirmUrl = (payload: Payload, registration: RegistrationRef) =>
  `${publicBaseUrl(payload)}/api/registrations/confirm?token=${signToken(payload.secret, CONFIRM_PURPOSE, registration.id, confirmationDeadline(registration))}`
