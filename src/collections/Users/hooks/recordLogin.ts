import type { CollectionAfterOperationHook } from 'payload'

import { recordAudit } from '@/audit/recordAudit'

/**
 * A `login` entry once a sign-in is complete, in the login's transaction. One that still owes its
 * second factor (`twoFactor` in the answer, see finishSecondFactorAtLogin) is recorded when the
 * code is given (POST /api/users/two-factor/verify).
 */
export const recordLogin: CollectionAfterOperationHook<'users'> = async ({ args, operation, result }) => {
  if (operation !== 'login' || !result.user || (result as { twoFactor?: string }).twoFactor) return result
  const { id } = result.user
  await recordAudit(args.req, { action: 'login', collection: 'users', documentId: id, user: id })
  return result
}
