import type { CollectionBeforeDeleteHook } from 'payload'

import type { SubmissionAttachment } from '../SubmissionForm'

/**
 * A submission's file goes with it (an admin's delete, erasure): through Payload, so the stored
 * file is removed from disk or S3 too. Before the delete, while the link still names the submission.
 */
export const deleteAttachment =
  ({ collection, on }: SubmissionAttachment): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await req.payload.delete({ collection, where: { [on]: { equals: id } }, req, overrideAccess: true, depth: 0 })
  }
