import { type Access, type CollectionBeforeOperationHook, ValidationError } from 'payload'

import { checkUploadedFile, type UploadMimeType } from '@/uploads/checkUploadedFile'

/**
 * An upload collection's file checked by its content and scanned (src/uploads/checkUploadedFile.ts)
 * before Payload reads it: Payload's own check falls back to the file's name when it cannot tell
 * the type, and sharp would fail on a text file named .png with a 500. It runs before Payload's
 * access check, so it asks the same rule first: a caller who may not upload is refused by Payload
 * (403) without costing a scan.
 *
 * A create over the API without a file is refused here too: Payload would otherwise fetch the file
 * from a `url` in the body (server-side, past these checks and the virus scan), and GraphQL cannot
 * carry a file at all. Only the Local API (the seed, the server's own jobs) creates without one.
 */
const FILE_IN_THE_REQUEST = 'Send the file itself, as multipart form data (the part named “file”); files are not fetched from addresses.'

export const checkUploadContent =
  (allowed: readonly UploadMimeType[]): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    if (!req.file && (operation === 'update' || req.payloadAPI === 'local')) return args
    const rule = (operation === 'create' ? collection.access.create : collection.access.update) as Access
    if (!args.overrideAccess && !(await rule({ req, data: args.data, id: (args as { id?: number }).id }))) return args
    if (!req.file) throw new ValidationError({ collection: collection.slug, req, errors: [{ path: 'file', message: FILE_IN_THE_REQUEST }] })
    await checkUploadedFile(req, req.file, { collection: collection.slug, field: 'file', allowed })
    return args
  }
