import type { Field } from 'payload'

import { canReview } from '@/access/fields/canReview'
import { dataFields } from '@/fields/dataFields'
import { requiredOnCreate } from '@/fields/requiredOnCreate'
import { toSnakeCase } from '@/lib/caseConversion'

type JsonSchema = Record<string, unknown>

function schemaOf(field: Field): JsonSchema | undefined {
  switch (field.type) {
    case 'email':
      return { type: 'string', format: 'email', maxLength: 254 }
    case 'text':
    case 'textarea':
      return { type: 'string', ...(field.maxLength ? { maxLength: field.maxLength } : {}) }
    case 'number':
      return { type: 'number', minimum: field.min, maximum: field.max }
    case 'checkbox':
      return { type: 'boolean' }
    case 'select': {
      const values = field.options.map((option) => (typeof option === 'string' ? option : option.value))
      return field.hasMany ? { type: 'array', items: { type: 'string', enum: values } } : { type: 'string', enum: values }
    }
    case 'relationship':
      return { type: 'integer', description: `id of the ${String(field.relationTo).replace(/s$/, '')}` }
    default:
      return undefined
  }
}

/**
 * The request body a guide endpoint takes: the collection's public fields in snake_case, with the
 * same limits and choice lists. Review fields and derived fields are left out.
 */
export function guideBodySchema(fields: Field[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const field of dataFields(fields)) {
    const { admin, access } = field as { admin?: { hidden?: boolean }; access?: { create?: unknown } }
    if (admin?.hidden || access?.create === canReview) continue
    const schema = schemaOf(field)
    if (!schema) continue
    const name = toSnakeCase(field.name)
    properties[name] = schema
    if (requiredOnCreate(field)) required.push(name)
  }
  return { type: 'object', properties, required }
}
