import type { PayloadRequest } from 'payload'

import { enforceRateLimit } from '@/abuse/enforceRateLimit'
import { rateLimitsFor } from '@/abuse/rateLimitsFor'
import { recordSecurityEvent } from '@/abuse/recordSecurityEvent'
import type { User } from '@/payload-types'

import { useRecoveryCode } from './recoveryCodes'
import { openSecret } from '@/lib/secretBox'
import { updateTwoFactorRow } from './sessions'
import { isValidTotp } from './totp'
import { TwoFactorRefusal } from './TwoFactorRefusal'

/** What a client sends as its second factor: `{ "code": "123456" }` or `{ "recoveryCode": "k7m2p-xq9ha" }`. */
export type SecondFactor = { code?: unknown; recoveryCode?: unknown }

export const secondFactorFrom = (body: unknown): SecondFactor =>
  body && typeof body === 'object' ? { code: (body as SecondFactor).code, recoveryCode: (body as SecondFactor).recoveryCode } : {}

export const hasSecondFactor = ({ code, recoveryCode }: SecondFactor): boolean =>
  (typeof code === 'string' && code.trim() !== '') || (typeof recoveryCode === 'string' && recoveryCode.trim() !== '')

/**
 * Checks the code (or a recovery code, which is used up) of the account `row` (read with its hidden
 * fields), counting the attempt against the account's limit: 429 over it, 401 when wrong (logged as
 * a security event). `secret` checks a secret being enrolled instead of the stored one.
 */
export async function checkSecondFactor(
  req: PayloadRequest,
  row: User,
  given: SecondFactor,
  { secret = openSecret(row.twoFactorSecret), recoveryCodes = true }: { secret?: string; recoveryCodes?: boolean } = {},
): Promise<'code' | 'recovery-code'> {
  const key = String(row.id)
  await enforceRateLimit(req, 'twoFactorPerUser', key, () =>
    recordSecurityEvent(req, { kind: 'rate-limited', form: 'two-factor', email: row.email, detail: 'two-factor codes per account' }),
  )
  let used: 'code' | 'recovery-code' | undefined
  if (secret && isValidTotp(secret, given.code)) used = 'code'
  else if (recoveryCodes) {
    const remaining = useRecoveryCode(row.twoFactorRecoveryCodes, given.recoveryCode)
    if (remaining) {
      await updateTwoFactorRow(req, row.id, { twoFactorRecoveryCodes: remaining })
      used = 'recovery-code'
    }
  }
  if (used) {
    await rateLimitsFor(req.payload).reset('twoFactorPerUser', key)
    return used
  }
  await recordSecurityEvent(req, { kind: 'two-factor-failed', form: 'two-factor', email: row.email })
  throw new TwoFactorRefusal(
    given.recoveryCode ? 'That recovery code is not valid or was already used.' : 'That code is not valid. Use the newest code your app shows.',
    401,
  )
}
