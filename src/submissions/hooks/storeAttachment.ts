import { type CollectionAfterChangeHook, type File as UploadedFile, ValidationError } from 'payload'

import type { SubmissionAttachment } from '../SubmissionForm'

/**
 * Stores the checked file (./checkAttachment.ts) in the attachment's upload collection, linked to
 * the new submission, in the same transaction: a submission that fails to save leaves no file
 * record. A submission caught by the honeypot keeps no file. Payload's own checks of the file (a PDF
 * it cannot parse) name the upload's `file`: the sender knows it by the attachment's part name.
 */
export const storeAttachment =
  ({ field, collection, on }: SubmissionAttachment): CollectionAfterChangeHook =>
  async ({ collection: submissions, doc, operation, req }) => {
    const file = req.files?.[field] as UploadedFile | undefined
    if (operation !== 'create' || !file || req.context.spam) return doc
    try {
      await req.payload.create({ collection, data: { [on]: doc.id } as never, file, req, overrideAccess: true, depth: 0 })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const errors = error.data.errors.map((fieldError) => (fieldError.path === 'file' ? { ...fieldError, path: field } : fieldError))
      throw new ValidationError({ collection: submissions.slug, errors, req })
    }
    return doc
  }
