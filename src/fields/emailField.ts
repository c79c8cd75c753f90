import type { EmailField } from 'payload'

import { canReadPII } from '@/access/fields/canReadPII'
import { isEmailAddress, MAX_EMAIL_LENGTH, normalizeEmail } from '@/lib/text'

/** A required email address, stored lower-cased; personal data. */
export const emailField = (name = 'email', label?: string): EmailField => ({
  name,
  label,
  type: 'email',
  required: true,
  index: true,
  access: { read: canReadPII },
  hooks: {
    beforeValidate: [({ value }) => (typeof value === 'string' ? normalizeEmail(value) : value)],
  },
  validate: (value: unknown) => {
    if (typeof value !== 'string' || !value) return 'This field is required.'
    if (value.length > MAX_EMAIL_LENGTH) return `Use at most ${MAX_EMAIL_LENGTH} characters.`
    return isEmailAddress(value) ? true : 'Enter a valid email address, e.g. ada@example.com.'
  },
})
