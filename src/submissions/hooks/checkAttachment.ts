import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

import { checkUploadedFile } from '@/uploads/checkUploadedFile'

import type { SubmissionAttachment } from '../SubmissionForm'

/**
 * A file sent with a new submission (multipart, in the part named after the attachment) is checked
 * before anything is stored: after the anti-abuse guard, so the captcha and rate limits come first
 * and a refused file leaves no submission either.
 */
export const checkAttachment =
  ({ field, allowed }: SubmissionAttachment): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    const file = req.files?.[field]
    if (operation !== 'create' || !file) return args
    if (Array.isArray(file))
      throw new ValidationError({ collection: collection.slug, req, errors: [{ path: field, message: 'Attach one file only.' }] })
    await checkUploadedFile(req, file, { collection: collection.slug, field, allowed })
    return args
  }
