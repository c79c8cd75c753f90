import sharp from 'sharp'

import { toSnakeCase } from '@/lib/caseConversion'

/** The EICAR test file: harmless, and detected by every virus scanner as a test virus. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

/** A small real image of the given format, drawn by sharp. */
export const imageBytes = (format: 'png' | 'jpeg' | 'webp', width = 640, height = 480): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 30 } } })
    [format]()
    .toBuffer()

/** A minimal well-formed one-page PDF (header, objects, xref, trailer), `padding` bytes of comment making it larger. */
export function pdfBytes(padding = 0): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  for (const object of objects) {
    offsets.push(body.length)
    body += `${object}\n`
  }
  body += `%${'x'.repeat(padding)}\n`
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'

/** A multipart body as the frontend builds it: the document's JSON in `_payload`, the file in `part`. */
export function uploadForm(data: Record<string, unknown>, part: string, file: { bytes: Buffer | string; name: string; type: string }): FormData {
  const form = new FormData()
  form.append('_payload', JSON.stringify(data))
  form.append(part, new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: file.type }), file.name)
  return form
}

/** The same as the guide's form data (POST /api/sponsors/): snake_case fields, lists as repeated keys, the file as a part. */
export function guideUploadForm(data: Record<string, unknown>, part: string, file: { bytes: Buffer; name: string; type: string }): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(data)) for (const item of [value].flat()) form.append(toSnakeCase(key), String(item))
  form.append(part, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  return form
}
