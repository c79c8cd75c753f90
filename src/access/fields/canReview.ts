import type { FieldAccess } from 'payload'

import { checkRole } from '../checkRole'

/** Review fields (status, notes, reviewer, score): set by staff, never by the submitter. */
export const canReview: FieldAccess = ({ req: { user } }) => checkRole(['admin', 'staff'], user)
