import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import { pseudonymize } from '@/lib/pseudonymize'

import { erasePersonalData, type ErasureSummary, findHeldData } from './personalData'

/**
 * Erases an address in one transaction with its audit entry, which holds only a keyed hash of the
 * address: either everything goes, recorded, or nothing does.
 */
export async function eraseInTransaction(req: PayloadRequest, email: string, by: 'staff' | 'the person'): Promise<ErasureSummary> {
  const ownTransaction = await initTransaction(req)
  try {
    const held = await findHeldData(req, email)
    const { summary, afterCommit } = await erasePersonalData(req, held)
    await recordAudit(req, { action: 'erase', collection: 'privacy', subjectHash: pseudonymize(email), detail: { by, ...summary } })
    if (ownTransaction) await commitTransaction(req)
    await afterCommit()
    return summary
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}
