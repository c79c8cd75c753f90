import type { Field, FlattenedField } from 'payload'

/**
 * Whether a client creating a document must send this field: it is required, the client may write
 * it (Payload drops a value sent without `create` access and fills in the default), and no hook
 * fills it in when it is left out (`custom.filledOnCreate`, e.g. the event of a submission). A
 * default alone does not make a field optional: a required consent defaults to false and is refused.
 */
export const requiredOnCreate = (field: Field | FlattenedField): boolean => {
  const { required, access, custom } = field as { required?: boolean; access?: { create?: unknown }; custom?: { filledOnCreate?: boolean } }
  return Boolean(required) && !access?.create && !custom?.filledOnCreate
}
