import type { CollectionAfterChangeHook, File as UploadedFile } from 'payload'

import type { SubmissionAttachment } from '../SubmissionForm'

/**
 * Stores the checked file (./checkAttachment.ts) in the attachment's upload collection, linked to
 * the new submission, in the same transaction: a submission that fails to save leaves no file
 * record. A submission caught by the honeypot keeps no file.
 */
export const storeAttachment =
  ({ field, collection, on }: SubmissionAttachment): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    const file = req.files?.[field] as UploadedFile | undefined
    if (operation !== 'create' || !file || req.context.spam) return doc
    await req.payload.create({ collection, data: { [on]: doc.id } as never, file, req, overrideAccess: true, depth: 0 })
    return doc
  }
