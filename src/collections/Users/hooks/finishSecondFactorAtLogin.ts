import type { CollectionAfterOperationHook } from 'payload'

import { checkSecondFactor, hasSecondFactor, secondFactorFrom } from '@/twoFactor/checkSecondFactor'
import { secondFactorNeeded } from '@/twoFactor/requirement'
import { markSessionComplete, readTwoFactorRow } from '@/twoFactor/sessions'

/** The session id in a token Payload has just signed (it is not handed to login hooks otherwise). */
const sessionIdOf = (token: string | undefined): string | undefined => {
  try {
    const claims = JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid?: unknown }
    return typeof claims.sid === 'string' ? claims.sid : undefined
  } catch {
    return undefined
  }
}

/**
 * After a right password: an account that owes a second factor gets a pending session, which
 * nothing accepts until POST /api/users/two-factor/verify (or enrolment) finishes it, and the
 * answer says so in `twoFactor`. A REST client may send `code` (or `recoveryCode`) with the
 * password to finish it at once; a wrong one refuses the login (the session is revoked with it).
 */
export const finishSecondFactorAtLogin: CollectionAfterOperationHook<'users'> = async (hookArgs) => {
  if (hookArgs.operation !== 'login') return hookArgs.result
  const { args, result } = hookArgs
  const { req } = args
  const sid = sessionIdOf(result.token)
  if (!result.user || !sid) return result
  const row = await readTwoFactorRow(req, result.user.id)
  const needs = secondFactorNeeded(row)
  if (needs === 'nothing') return result

  const given = secondFactorFrom(req.data)
  if (needs === 'code' && req.payloadAPI !== 'local' && hasSecondFactor(given)) {
    await checkSecondFactor(req, row, given)
    await markSessionComplete(req, row.id, sid)
    return result
  }
  return { ...result, twoFactor: needs === 'code' ? 'code-required' : 'enrolment-required' }
}
