import type { ClientUser } from 'payload'

import { checkRole } from './checkRole'

/** Hides an admin-only collection from everyone else's navigation. */
export const hiddenFromNonAdmin = ({ user }: { user: ClientUser }): boolean =>
  !checkRole(['admin'], user as { roles?: string[] })
