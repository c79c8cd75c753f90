import { APIError, type CollectionBeforeOperationHook, type Where } from 'payload'

/** The one condition an encrypted column still answers: whether there is a value at all. */
const ANSWERABLE_OPERATORS = new Set(['exists'])

function queriedFields(where: Where, encrypted: Set<string>): string[] {
  return Object.entries(where).flatMap(([key, condition]) => {
    if ((key === 'and' || key === 'or') && Array.isArray(condition)) return condition.flatMap((nested) => queriedFields(nested, encrypted))
    if (!encrypted.has(key.split('.')[0])) return []
    const operators = condition && typeof condition === 'object' ? Object.keys(condition) : ['equals']
    return operators.every((operator) => ANSWERABLE_OPERATORS.has(operator)) ? [] : [key]
  })
}

const sortedFields = (sort: unknown, encrypted: Set<string>): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .map((item) => String(item).trim().replace(/^-/, ''))
    .filter((name) => encrypted.has(name))

/**
 * Encrypted columns hold ciphertext with a random IV: a search, filter or sort on them would
 * quietly match nothing or order at random. Refused instead, with a 400 naming the fields;
 * `exists` is still answered.
 */
export const refuseEncryptedFieldQueries =
  (fieldNames: string[]): CollectionBeforeOperationHook => {
  const encrypted = new Set(fieldNames)
  return ({ args }) => {
    if (!encrypted.size) return args
    const { where, sort } = args as { where?: Where; sort?: unknown }
    const refused = [...new Set([...(where ? queriedFields(where, encrypted) : []), ...sortedFields(sort, encrypted)])]
    if (refused.length)
      throw new APIError(
        `${refused.join(', ')} ${refused.length > 1 ? 'are' : 'is'} stored encrypted and cannot be searched, filtered or sorted on (only "exists" is answered).`,
        400,
        // The shape of Payload's own answer to a `where` on a path it cannot query.
        refused.map((path) => ({ path })),
        true,
      )
    return args
  }
}
