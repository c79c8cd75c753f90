import type { CollectionSlug, FlattenedField, PayloadRequest, Where } from 'payload'

import { recordAudit } from './recordAudit'

// Values of these field types are ids, choices, numbers or dates: never a person's words.
const VALUE_KEPT_TYPES = new Set<FlattenedField['type']>(['select', 'radio', 'relationship', 'upload', 'date', 'number', 'checkbox'])

export const WITHHELD = '(withheld)'

/**
 * An export's row filter as the audit log keeps it: its shape (fields, operators) always, a value
 * only for a top-level field of a type that holds no free text. A staff search by name or email
 * ("firstName like ada") is kept as "firstName like (withheld)".
 */
export function filterWithoutPersonalValues(where: unknown, fields: FlattenedField[]): unknown {
  if (where === null || typeof where !== 'object' || Array.isArray(where)) return undefined
  return Object.fromEntries(
    Object.entries(where as Where).map(([path, condition]) => {
      if ((path === 'and' || path === 'or') && Array.isArray(condition)) {
        return [path, condition.map((part) => filterWithoutPersonalValues(part, fields))]
      }
      const field = fields.find(({ name }) => name === path)
      const keepsValues = path === 'id' || (field !== undefined && VALUE_KEPT_TYPES.has(field.type))
      if (keepsValues) return [path, condition]
      const operators = condition !== null && typeof condition === 'object' ? Object.keys(condition) : []
      return [path, operators.length ? Object.fromEntries(operators.map((operator) => [operator, WITHHELD])) : WITHHELD]
    }),
  )
}

/** An `export` entry: which collection, by whom, with which row filter (never the rows); `exportId` for a saved one. */
export async function recordExport(
  req: PayloadRequest,
  { collectionSlug, where, exportId }: { collectionSlug: CollectionSlug; where: unknown; exportId?: number | string },
): Promise<void> {
  const fields = req.payload.collections[collectionSlug].config.flattenedFields
  await recordAudit(req, {
    action: 'export',
    collection: collectionSlug,
    detail: { where: filterWithoutPersonalValues(where, fields) ?? null, ...(exportId === undefined ? {} : { exportId }) },
  })
}
