import type { FieldAccess } from 'payload'

import { checkRole } from '../checkRole'

/** Personal data (email, phone, address, needs) is for the people who handle submissions. */
export const canReadPII: FieldAccess = ({ req: { user } }) => checkRole(['admin', 'staff'], user)
