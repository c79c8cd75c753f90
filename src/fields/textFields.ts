import type { TextareaField, TextField } from 'payload'

import { collapseSpaces, tidyMultiline } from '@/lib/text'

type TextOptions = {
  label?: string
  required?: boolean
  maxLength: number
  /** Personal data: readable only by the roles in canReadPII. */
  access?: TextField['access']
}

const lengthRule =
  (required: boolean, maxLength: number) =>
  (value: unknown): true | string => {
    if (value === null || value === undefined || value === '') return required ? 'This field is required.' : true
    if (typeof value !== 'string') return 'Enter text.'
    if (value.length > maxLength) return `Use at most ${maxLength} characters.`
    return true
  }

/** One line of text (a name, a city), trimmed with inner runs of spaces collapsed. */
export const lineField = (name: string, { label, required = false, maxLength, access }: TextOptions): TextField => ({
  name,
  label,
  type: 'text',
  required,
  maxLength,
  access,
  hooks: {
    beforeValidate: [({ value }) => (typeof value === 'string' ? collapseSpaces(value) || null : value)],
  },
  validate: lengthRule(required, maxLength),
})

/** Free text over several lines, trimmed. */
export const paragraphField = (
  name: string,
  { label, required = false, maxLength, access }: TextOptions,
): TextareaField => ({
  name,
  label,
  type: 'textarea',
  required,
  maxLength,
  access,
  hooks: {
    beforeValidate: [({ value }) => (typeof value === 'string' ? tidyMultiline(value) || null : value)],
  },
  validate: lengthRule(required, maxLength),
})
