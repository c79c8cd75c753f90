import type { AfterErrorHook } from 'payload'

import { runAfterRequest } from '@/db/runAfterRequest'
import { pseudonymize } from '@/lib/pseudonymize'

import { auditRow } from './recordAudit'

/** Why a sign-in was refused, from the error Payload (or the two-factor check) raised; undefined: not a refusal. */
function refusalReason(error: Error): string | undefined {
  switch (error.name) {
    case 'AuthenticationError':
      return 'wrong-password'
    case 'LockedAuth':
      return 'locked'
    case 'TwoFactorRefusal':
      return 'wrong-second-factor'
  }
  return (error as { status?: number }).status === 429 ? 'rate-limited' : undefined
}

/**
 * A `login-failed` entry for a refused sign-in (wrong password or unknown email, locked account,
 * wrong two-factor code, too many attempts), over REST or GraphQL: with the account when there is
 * one, a keyed hash of the email typed, never the email itself. The request's transaction has been
 * rolled back by now; the entry is written after the request, like a security event, so that a
 * flood of refusals cannot hold connections waiting on it.
 */
export const recordFailedLogin: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const attempt = req.context.loginAttempt
  if (!attempt) return
  // GraphQL hands over its own error: the one raised in the resolver is its originalError.
  const raised = graphqlResult ? ((error as { originalError?: Error }).originalError ?? error) : error
  const reason = refusalReason(raised)
  if (!reason) return
  const { payload } = req
  const row = auditRow(req, {
    action: 'login-failed',
    collection: 'users',
    subjectHash: attempt.email ? pseudonymize(attempt.email) : undefined,
  })
  runAfterRequest(payload, 'audit a refused sign-in', async () => {
    const account =
      attempt.user ??
      (attempt.email
        ? (await payload.db.findOne<{ id: number }>({ collection: 'users', where: { email: { equals: attempt.email } }, select: { id: true } }))?.id
        : undefined)
    const detail = { reason: reason === 'wrong-password' && account === undefined ? 'unknown-account' : reason }
    await payload.create({
      collection: 'audit-log',
      data: { ...row, user: account ?? null, documentId: account === undefined ? undefined : String(account), detail },
      overrideAccess: true,
      depth: 0,
      select: { action: true },
    })
  })
}
