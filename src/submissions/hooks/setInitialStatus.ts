import type { CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '@/access/checkRole'
import { SPAM_STATUS } from '@/lib/choices'

import type { SubmissionForm } from '../SubmissionForm'

/**
 * The status a new submission starts in, decided here alone: `spam` when the anti-abuse guard
 * caught it (req.context.spam, set before any data hook runs), the status staff (or the Local API:
 * seeds, imports) chose for a submission they add, otherwise the form's initial status. The public
 * cannot set it (the field's access drops a status they send).
 */
export const setInitialStatus =
  ({ initialStatus }: Pick<SubmissionForm, 'initialStatus'>): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create') return data
    if (req.context.spam) return { ...data, status: SPAM_STATUS.value }
    if (req.payloadAPI === 'local' || checkRole(['admin', 'staff'], req.user)) return data
    return { ...data, status: typeof initialStatus === 'function' ? await initialStatus(req, data) : initialStatus }
  }
