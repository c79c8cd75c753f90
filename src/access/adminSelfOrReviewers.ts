import type { Access, Where } from 'payload'

import { checkRole } from './checkRole'

/**
 * Admins reach every account; staff also see the accounts that can review (staff and admins), so
 * they can assign a submission to a colleague and see who decided it; anyone else signed in sees
 * only their own.
 */
export const adminSelfOrReviewers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  const self: Where = { id: { equals: user.id } }
  if (checkRole(['staff'], user)) return { or: [self, { roles: { in: ['staff', 'admin'] } }] }
  return self
}
