import type { Payload } from 'payload'

import { assertCaptchaConfigured } from '@/abuse/assertCaptchaConfigured'
import { clamdSettings } from '@/uploads/clamd'

import { isProduction } from './env'
import { fieldEncryptionKeyProblem } from './fieldEncryptionKeys.mjs'
import { payloadSecretProblem } from './payloadSecretProblem.mjs'

/** Settings production cannot run without, checked once at start-up (development only warns). */
export function assertProductionSettings(payload: Payload): void {
  // src/server.mjs refuses to listen with such a secret already; this covers the worker and scripts.
  const secretProblem = isProduction ? payloadSecretProblem(process.env.PAYLOAD_SECRET) : undefined
  if (secretProblem) throw new Error(secretProblem)
  // Health data would otherwise be written under a key derived from PAYLOAD_SECRET (src/lib/fieldEncryption.ts).
  const keyProblem = fieldEncryptionKeyProblem(process.env, isProduction)
  if (keyProblem) throw new Error(keyProblem)
  if (!isProduction && !process.env.FIELD_ENCRYPTION_KEY?.trim())
    payload.logger.warn('FIELD_ENCRYPTION_KEY is not set: encrypted fields use a key derived from PAYLOAD_SECRET (development only).')
  // Payload trusts its own origin for cookie-authenticated admin requests only when it knows it.
  if (isProduction && !process.env.SERVER_URL) throw new Error('SERVER_URL must be set in production.')
  // Without SMTP, emails would only be logged: confirmation links would never reach anyone.
  if (isProduction && !process.env.SMTP_HOST)
    throw new Error('SMTP_HOST must be set in production (see .env.example for the SMTP_* variables).')
  assertCaptchaConfigured(payload.logger, isProduction)
  // A warning, not a refusal: a deployment may take no uploads from anyone it does not trust.
  if (isProduction && !clamdSettings())
    payload.logger.warn('CLAMAV_HOST is not set: uploads (media, sponsor decks) are not scanned for viruses.')
}
