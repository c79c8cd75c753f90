import type { ClientUser } from 'payload'

import { checkRole } from './checkRole'

/** Hides a collection from the admin navigation of users who cannot open it (editors). */
export const hiddenFromNonStaff = ({ user }: { user: ClientUser }): boolean =>
  !checkRole(['admin', 'staff'], user as { roles?: string[] })
