import type { Field } from 'payload'

/** The fields of a list that hold data, rows unfolded (rows only lay fields out side by side). */
export const dataFields = (fields: Field[]): (Field & { name: string })[] =>
  fields.flatMap((field) => (field.type === 'row' ? dataFields(field.fields) : 'name' in field ? [field] : []))
