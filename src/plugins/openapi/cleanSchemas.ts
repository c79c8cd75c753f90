type Json = Record<string, any>

/**
 * The keywords a Schema Object of OpenAPI 3.1 may carry (JSON Schema 2020-12 and OpenAPI's own);
 * anything else, such as the `tsType` Payload's JSON schema adds for its type generator, is not
 * OpenAPI and makes `redocly lint` fail. `x-` extensions stay.
 */
const SCHEMA_KEYWORDS = new Set([
  // core and applicator
  '$schema', '$id', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$vocabulary', '$comment', '$defs',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas', 'prefixItems', 'items',
  'contains', 'properties', 'patternProperties', 'additionalProperties', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties',
  // validation
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains',
  'maxProperties', 'minProperties', 'required', 'dependentRequired',
  // format, content, meta-data
  'format', 'contentEncoding', 'contentMediaType', 'contentSchema',
  'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples',
  // OpenAPI
  'discriminator', 'xml', 'externalDocs', 'example',
])

/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const ONE_SCHEMA = ['not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema']
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems']
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas']

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

const acceptsNull = (schema: unknown) =>
  isObject(schema) && (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null')))

/**
 * Payload describes a relationship to several collections that may be empty as a `oneOf` whose
 * every branch also accepts null, so null matches them all and `oneOf` (exactly one) rejects it.
 * Null becomes a branch of its own.
 */
function nullAsOwnBranch(schema: Json): void {
  const branches = schema.oneOf as unknown[]
  if (branches.filter(acceptsNull).length < 2) return
  schema.oneOf = [
    ...branches.map((branch) => {
      if (!isObject(branch) || !Array.isArray(branch.type)) return branch
      const types = branch.type.filter((type: string) => type !== 'null')
      return { ...branch, type: types.length === 1 ? types[0] : types }
    }),
    { type: 'null' },
  ]
}

/** Cleans one schema and every schema inside it, in place. */
export function cleanSchema(schema: unknown): void {
  if (!isObject(schema)) return
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_KEYWORDS.has(key) && !key.startsWith('x-')) delete schema[key]
  }
  for (const key of ONE_SCHEMA) cleanSchema(schema[key])
  for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) schema[key].forEach(cleanSchema)
  for (const key of SCHEMA_MAPS) if (isObject(schema[key])) Object.values(schema[key]).forEach(cleanSchema)
  if (Array.isArray(schema.oneOf)) nullAsOwnBranch(schema)
}

/**
 * Cleans every schema of a document: the component schemas and each `schema` of a parameter,
 * header or media type, wherever it sits.
 */
export function cleanSchemas(document: Json): void {
  Object.values(document.components?.schemas ?? {}).forEach(cleanSchema)
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!isObject(node)) return
    for (const [key, value] of Object.entries(node)) {
      if (key === 'schema') cleanSchema(value)
      else visit(value)
    }
  }
  visit(document.paths)
  const { schemas: _schemas, ...otherComponents } = document.components ?? {}
  visit(otherComponents)
}
