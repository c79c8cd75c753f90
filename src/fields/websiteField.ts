import type { TextField } from 'payload'

import { normalizeWebsite } from '@/lib/text'

const MAX_URL_LENGTH = 300

/** An optional http(s) address; "otei.ng" is stored as "https://otei.ng/". */
export const websiteField = (name = 'website'): TextField => ({
  name,
  type: 'text',
  maxLength: MAX_URL_LENGTH,
  hooks: {
    beforeValidate: [
      ({ value }) => (typeof value === 'string' ? (normalizeWebsite(value) ?? (value.trim() || null)) : value),
    ],
  },
  validate: (value: unknown) => {
    if (value === null || value === undefined || value === '') return true
    if (typeof value !== 'string' || value.length > MAX_URL_LENGTH || normalizeWebsite(value) !== value)
      return 'Enter a website address starting with http:// or https://, e.g. https://example.com.'
    return true
  },
})
