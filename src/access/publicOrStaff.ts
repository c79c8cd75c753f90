import type { Access } from 'payload'

import { checkRole } from './checkRole'

/**
 * The public forms: anyone not signed in, plus staff and admins (walk-in sign-ups at the door).
 * A signed-in editor is refused: editors have no business with submissions.
 */
export const publicOrStaff: Access = ({ req: { user } }) => !user || checkRole(['admin', 'staff'], user)
