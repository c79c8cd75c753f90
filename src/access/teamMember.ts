import type { PayloadRequest } from 'payload'

import { ROLES } from '@/lib/choices'

import { checkRole } from './checkRole'

/** Who may open the admin panel: anyone holding at least one role. */
export const teamMember = ({ req: { user } }: { req: PayloadRequest }): boolean =>
  checkRole(ROLES, user)
