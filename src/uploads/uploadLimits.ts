import { intEnv } from '@/lib/env'
import { MAX_FORM_BODY_BYTES } from '@/lib/constants'

const MIB = 1024 * 1024

/** UPLOAD_MAX_MB: the largest file accepted, for every upload (media and attachments alike). src/server.mjs reads the same variable. */
export const UPLOAD_MAX_MB = intEnv('UPLOAD_MAX_MB', 10)
export const UPLOAD_MAX_BYTES = UPLOAD_MAX_MB * MIB

export const UPLOAD_TOO_LARGE_MESSAGE = `The file is too large (at most ${UPLOAD_MAX_MB} MB).`

/**
 * Payload's multipart parser (config.upload): it reads the body as it streams in and stops with a
 * 413 as soon as the file passes UPLOAD_MAX_BYTES (with this message), a field passes a form's
 * size, or the whole body passes all of that by far (Payload's own message), so a larger upload is
 * never kept whole nor stored cut short. One file per request; a file under the limit is held in
 * memory while it is checked (./checkUploadedFile.ts).
 */
export const uploadParserOptions = {
  abortOnLimit: true,
  responseOnLimit: UPLOAD_TOO_LARGE_MESSAGE,
  limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: MAX_FORM_BODY_BYTES },
  requestSizeLimit: UPLOAD_MAX_BYTES + MIB,
}
