import type { CollectionBeforeOperationHook } from 'payload'

import { normalizeEmail } from '@/lib/text'

/** Marks the request as a sign-in before any check can refuse it, so that a refusal is audited. */
export const markLoginAttempt: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const email = (args.data as { email?: unknown } | undefined)?.email
  req.context.loginAttempt = { email: typeof email === 'string' && email.trim() ? normalizeEmail(email) : undefined }
  return args
}
