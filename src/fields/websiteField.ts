import type { TextField } from 'payload'

import { normalizeWebsite } from '@/lib/text'

const MAX_URL_LENGTH = 300

/** An http(s) address, optional unless `required`; "otei.ng" is stored as "https://otei.ng/". */
export const websiteField = (name = 'website', { label, required = false }: { label?: string; required?: boolean } = {}): TextField => ({
  name,
  label,
  type: 'text',
  required,
  maxLength: MAX_URL_LENGTH,
  hooks: {
    beforeValidate: [
      ({ value }) => (typeof value === 'string' ? (normalizeWebsite(value) ?? (value.trim() || null)) : value),
    ],
  },
  validate: (value: unknown) => {
    if (value === null || value === undefined || value === '') return required ? 'This field is required.' : true
    if (typeof value !== 'string' || value.length > MAX_URL_LENGTH || normalizeWebsite(value) !== value)
      return 'Enter a website address starting with http:// or https://, e.g. https://example.com.'
    return true
  },
})
