import type { Access } from 'payload'

import { ROLES } from '@/lib/choices'

import { checkRole } from './checkRole'

/** The public sees published documents; any team member (admin, staff, editor) sees drafts too. */
export const publishedOrTeam: Access = ({ req: { user } }) => {
  if (checkRole(ROLES, user)) return true
  return { _status: { equals: 'published' } }
}
