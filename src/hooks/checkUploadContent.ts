import type { Access, CollectionBeforeOperationHook } from 'payload'

import { checkUploadedFile, type UploadMimeType } from '@/uploads/checkUploadedFile'

/**
 * An upload collection's file checked by its content and scanned (src/uploads/checkUploadedFile.ts)
 * before Payload reads it: Payload's own check falls back to the file's name when it cannot tell
 * the type, and sharp would fail on a text file named .png with a 500. It runs before Payload's
 * access check, so it asks the same rule first: a caller who may not upload is refused by Payload
 * (403) without costing a scan.
 */
export const checkUploadContent =
  (allowed: readonly UploadMimeType[]): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if ((operation !== 'create' && operation !== 'update') || !req.file) return args
    const rule = (operation === 'create' ? collection.access.create : collection.access.update) as Access
    if (!args.overrideAccess && !(await rule({ req, data: args.data, id: (args as { id?: number }).id }))) return args
    await checkUploadedFile(req, req.file, { collection: collection.slug, field: 'file', allowed })
    return args
  }
