import { APIError, type FlattenedField, type PayloadRequest } from 'payload'

import { toCamelCase } from '@/lib/caseConversion'

const TRUE_WORDS = new Set(['true', 'on', '1', 'yes'])
const FALSE_WORDS = new Set(['false', 'off', '0', 'no', ''])

/**
 * The body of a guide-style form post, JSON or form data, with snake_case keys turned into the
 * collection's camelCase names and form-data strings read as the field types expect (as DRF
 * serializers would): "true"/"on" for checkboxes, "5" for numbers, "a,b" or repeated keys for
 * lists. Validation itself is the collection's, unchanged. Files of a multipart body come apart,
 * by their part's name.
 */
export async function readFormBody(
  req: PayloadRequest,
  fields: FlattenedField[],
): Promise<{ data: Record<string, unknown>; files: Record<string, File> }> {
  const { body, files } = await parseBody(req)
  const byName = new Map(fields.map((field) => [field.name, field]))
  const data = Object.fromEntries(
    Object.entries(body).map(([key, value]) => {
      const name = toCamelCase(key)
      const field = byName.get(name)
      return [name, field ? coerce(field, value) : value]
    }),
  )
  return { data, files }
}

async function parseBody(req: PayloadRequest): Promise<{ body: Record<string, unknown>; files: Record<string, File> }> {
  const type = req.headers.get('content-type') ?? ''
  const isJson = type.includes('application/json')
  if (!isJson && !type.includes('multipart/form-data') && !type.includes('application/x-www-form-urlencoded')) {
    throw new APIError('Send the form as JSON or form data.', 415, undefined, true)
  }
  const unreadable = new APIError('The request body is not valid JSON or form data.', 400, undefined, true)
  if (isJson) {
    const body: unknown = await req.json!().catch(() => undefined)
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw unreadable
    return { body: body as Record<string, unknown>, files: {} }
  }
  const form = await req.formData!().catch(() => {
    throw unreadable
  })
  const body: Record<string, unknown> = {}
  const files: Record<string, File> = {}
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((value): value is string => typeof value === 'string')
    const file = form.getAll(key).find((value): value is File => typeof value !== 'string')
    if (file) files[key] = file
    else body[key.replace(/\[\]$/, '')] = values.length > 1 || key.endsWith('[]') ? values : values[0]
  }
  return { body, files }
}

function coerce(field: FlattenedField, value: unknown): unknown {
  if (typeof value !== 'string') return value
  switch (field.type) {
    case 'checkbox': {
      const word = value.trim().toLowerCase()
      return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : value
    }
    case 'number':
      return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value.trim() === '' ? null : value
    case 'relationship':
      return /^\d+$/.test(value.trim()) ? Number(value) : value
    case 'select':
      return field.hasMany ? value.split(',').map((item) => item.trim()).filter(Boolean) : value
    default:
      return value
  }
}
