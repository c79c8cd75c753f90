import type { FieldAccess } from 'payload'

import { checkRole } from '../checkRole'

/** A link to a submission (a partner's sponsor application): for the people who may read submissions. */
export const canSeeApplications: FieldAccess = ({ req: { user } }) => checkRole(['admin', 'staff'], user)
