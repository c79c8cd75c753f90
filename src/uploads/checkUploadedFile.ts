import { fileTypeFromBuffer } from 'file-type'
import { APIError, type File as UploadedFile, type PayloadRequest, ValidationError } from 'payload'

import { recordSecurityEvent } from '@/abuse/recordSecurityEvent'
import { RETRY_AFTER_S } from '@/lib/constants'

import { clamdSettings, ScannerUnavailable, scanWithClamd } from './clamd'

/** The types an upload may have, by what its content is: images the frontend shows, and PDF documents. */
export const UPLOAD_TYPE_NAMES = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
} as const

export type UploadMimeType = keyof typeof UPLOAD_TYPE_NAMES

export const INFECTED_UPLOAD_MESSAGE = 'This file contains malware and was refused.'
export const SCANNER_UNAVAILABLE_MESSAGE = 'Uploaded files cannot be checked for viruses right now; please try again in a moment.'

/** 422: the request was well-formed, the file is what is wrong; a field error like any other. */
class InfectedUpload extends ValidationError {
  constructor(...args: ConstructorParameters<typeof ValidationError>) {
    super(...args)
    this.status = 422
  }
}

/** Files already checked in this request: an attachment is checked before its submission and stored after it. */
const checkedFiles = new WeakSet<UploadedFile>()

/**
 * Refuses a file unless its content (magic bytes, read by file-type; never its name or declared
 * type) is one of `allowed`: SVG, HTML, executables, text renamed .png… are 400s on `field`. The
 * file then carries the detected type and a matching extension, which is what Payload stores.
 * With CLAMAV_HOST set, the file is streamed to clamd before anything is stored: infected is a 422
 * on `field` (and an `upload-infected` security event), no verdict a 503 with Retry-After.
 */
export async function checkUploadedFile(
  req: PayloadRequest,
  file: UploadedFile,
  { collection, field, allowed }: { collection: string; field: string; allowed: readonly UploadMimeType[] },
): Promise<void> {
  if (checkedFiles.has(file)) return
  const detected = await fileTypeFromBuffer(file.data)
  if (!detected || !(allowed as readonly string[]).includes(detected.mime)) {
    const accepted = allowed.map((type) => UPLOAD_TYPE_NAMES[type]).join(', ')
    const found = detected ? `a ${detected.ext.toUpperCase()} file` : 'not a file of a type we accept'
    throw new ValidationError({ collection, req, errors: [{ path: field, message: `Only ${accepted} files are accepted; this is ${found}.` }] })
  }
  file.mimetype = detected.mime
  file.name = file.name.replace(/(\.[^./\\]*)?$/, `.${detected.ext}`)
  await scanForViruses(req, file, { collection, field })
  checkedFiles.add(file)
}

async function scanForViruses(req: PayloadRequest, file: UploadedFile, { collection, field }: { collection: string; field: string }) {
  const settings = clamdSettings()
  if (!settings) return
  let verdict
  try {
    verdict = await scanWithClamd(settings, file.data)
  } catch (error) {
    if (!(error instanceof ScannerUnavailable)) throw error
    req.payload.logger.error({ err: error, msg: 'virus scan unavailable: upload refused' })
    req.responseHeaders = new Headers({ 'Retry-After': String(RETRY_AFTER_S.virusScanUnavailable) })
    throw new APIError(SCANNER_UNAVAILABLE_MESSAGE, 503, undefined, true)
  }
  if (verdict.infected) {
    await recordSecurityEvent(req, { kind: 'upload-infected', form: collection, detail: `${verdict.signature} in ${file.name}` })
    throw new InfectedUpload({ collection, req, errors: [{ path: field, message: INFECTED_UPLOAD_MESSAGE }] })
  }
}
