import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** Admins reach every user; anyone else signed in reaches only their own account. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  return { id: { equals: user.id } }
}
