/** The id a relationship value points to, whether sent as an id, a numeric string or a populated doc. */
export function relationId(value: unknown): number | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  const number = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined
}
