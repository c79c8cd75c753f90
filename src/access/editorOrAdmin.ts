import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** Event content and email wording are the editors' job. */
export const editorOrAdmin: Access = ({ req: { user } }) => checkRole(['admin', 'editor'], user)
