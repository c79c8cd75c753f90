import type { Access } from 'payload'

import { checkRole } from './checkRole'

export const staffOrAdmin: Access = ({ req: { user } }) => checkRole(['admin', 'staff'], user)
