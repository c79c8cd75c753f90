type Json = Record<string, any>

/** The node itself, or what its local `$ref` (`#/components/…`) points at in the document, followed through. */
export const resolveRef = (document: Json, node: Json): Json =>
  typeof node?.$ref === 'string' ? resolveRef(document, node.$ref.slice(2).split('/').reduce((at: Json, key: string) => at[key], document)) : node
