import type { SelectField } from 'payload'

type Choice = { readonly value: string; readonly label: string }

type ChoiceOptions = { label?: string; required?: boolean; hasMany?: boolean; index?: boolean }

/** A select over one of the lists in src/lib/choices.ts; hasMany stores several values. */
export const choiceField = (
  name: string,
  choices: readonly Choice[],
  { label, required = false, hasMany = false, index = false }: ChoiceOptions = {},
): SelectField => {
  const allowed = new Set(choices.map((choice) => choice.value))
  const list = choices.map((choice) => choice.value).join(', ')
  return {
    name,
    label,
    type: 'select',
    required,
    hasMany,
    index,
    options: choices.map(({ value, label }) => ({ value, label })),
    validate: (value: unknown) => {
      const values = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]
      if (values.length === 0) return required ? 'This field is required.' : true
      if (!hasMany && Array.isArray(value)) return `Choose one of: ${list}.`
      const unknown = values.filter((item) => typeof item !== 'string' || !allowed.has(item))
      return unknown.length ? `Unknown value ${JSON.stringify(unknown[0])}: choose from ${list}.` : true
    },
  } as SelectField
}
