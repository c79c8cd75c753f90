import type { FlattenedField } from 'payload'

type Doc = Record<string, unknown>

// Set by Payload on every save; not what anyone changed.
const TIMESTAMPS = new Set(['id', 'createdAt', 'updatedAt'])

const idOf = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

/** A relationship's value as ids: a populated document, a polymorphic `{ relationTo, value }`, or many. */
function relationIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relationIds)
  if (value !== null && typeof value === 'object' && 'relationTo' in value && 'value' in value) {
    return { relationTo: (value as Doc).relationTo, value: idOf((value as Doc).value) }
  }
  return idOf(value)
}

/**
 * A field's value in one form whatever depth it was read at: relationships as ids (the previous
 * document is read at depth 0, the saved one at the caller's depth), dates as ISO strings, and the
 * same inside groups, arrays and blocks.
 */
function comparable(field: FlattenedField, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (field.type) {
    case 'relationship':
    case 'upload':
      return relationIds(value)
    case 'date': {
      const time = new Date(value as string).getTime()
      return Number.isNaN(time) ? value : new Date(time).toISOString()
    }
    case 'group':
    case 'tab':
      return comparableDoc(field.flattenedFields, value)
    case 'array':
      return Array.isArray(value) ? value.map((row) => comparableDoc(field.flattenedFields, row)) : value
    case 'blocks':
      return Array.isArray(value)
        ? value.map((row) => {
            const block = field.blocks.find(({ slug }) => slug === (row as Doc)?.blockType)
            return block ? { blockType: block.slug, ...(comparableDoc(block.flattenedFields, row) as Doc) } : row
          })
        : value
    default:
      return value
  }
}

function comparableDoc(fields: FlattenedField[], value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  const doc = value as Doc
  return Object.fromEntries(fields.filter(({ name }) => name in doc).map((field) => [field.name, comparable(field, doc[field.name])]))
}

/** JSON with object keys sorted, so that key order never reads as a change. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Doc).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  )

/**
 * The top-level fields an update changed. Judged by `data`: the document being saved, complete
 * (Payload fills in what was not sent), as the beforeValidate and collection beforeChange hooks left
 * it and before any field's beforeChange hook (which may encrypt). Unlike `doc`, it holds the fields
 * the caller may not read back (`doc` has those removed or emptied). `doc` only for a field `data` lacks.
 */
export function changedFields(fields: FlattenedField[], previousDoc: Doc, data: Doc | undefined, doc: Doc): string[] {
  return fields
    // Join and virtual fields are computed when read, not stored.
    .filter((field) => !TIMESTAMPS.has(field.name) && field.type !== 'join' && !('virtual' in field && field.virtual))
    .filter((field) => {
      const after = data && field.name in data ? data[field.name] : doc[field.name]
      if (after === undefined) return false
      return canonicalJson(comparable(field, previousDoc[field.name])) !== canonicalJson(comparable(field, after))
    })
    .map(({ name }) => name)
}
