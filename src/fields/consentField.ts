import type { CheckboxField } from 'payload'

/** A checkbox; a required consent is a field error unless ticked. */
export const consentField = (name: string, label: string, { required = false } = {}): CheckboxField => ({
  name,
  label,
  type: 'checkbox',
  required,
  defaultValue: false,
  validate: (value: unknown) => {
    if (required && value !== true) return 'Please tick this box to continue.'
    return value === undefined || value === null || typeof value === 'boolean' ? true : 'Answer yes or no.'
  },
})
