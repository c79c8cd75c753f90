import type { TextField } from 'payload'

import { canReadPII } from '@/access/fields/canReadPII'
import { isE164, toE164 } from '@/lib/phone'

/** A required phone number, stored in E.164 (+2348031234567); personal data. */
export const phoneField = (name = 'phone', label?: string): TextField => ({
  name,
  label,
  type: 'text',
  required: true,
  access: { read: canReadPII },
  admin: { description: 'Stored in international format, e.g. +2348031234567.' },
  hooks: {
    // Unparsable input is kept as typed, for `validate` to reject with a field error.
    beforeValidate: [({ value }) => (typeof value === 'string' ? (toE164(value) ?? value.trim()) : value)],
  },
  validate: (value: unknown) => {
    if (typeof value !== 'string' || !value) return 'This field is required.'
    return isE164(value) ? true : 'Enter a valid phone number, e.g. 0803 123 4567 or +234 803 123 4567.'
  },
})
