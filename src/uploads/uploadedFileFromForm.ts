import { APIError, type File as UploadedFile } from 'payload'

import { UPLOAD_MAX_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from './uploadLimits'

/**
 * A file from a form Request.formData() read (the guide's endpoints) as Payload's parser would
 * have given it: the same limit, then the bytes. formData() has already read the body, which the
 * production server caps at the same limit while it streams in (src/server.mjs).
 */
export async function uploadedFileFromForm(file: File): Promise<UploadedFile> {
  if (file.size > UPLOAD_MAX_BYTES) throw new APIError(UPLOAD_TOO_LARGE_MESSAGE, 413, undefined, true)
  return { data: Buffer.from(await file.arrayBuffer()), mimetype: file.type, name: file.name, size: file.size }
}
