import type { TextField } from 'payload'

export const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** An IANA time zone name, e.g. Africa/Lagos; stored as text so no enum has to track the tz database. */
export const timezoneField = (defaultValue: string): TextField => ({
  name: 'timezone',
  type: 'text',
  required: true,
  defaultValue,
  maxLength: 64,
  admin: {
    description: 'IANA time zone of the venue, e.g. Africa/Lagos. Times in emails and exports use it.',
  },
  validate: (value: unknown) =>
    typeof value === 'string' && isTimeZone(value)
      ? true
      : 'Enter an IANA time zone such as Africa/Lagos or Europe/London.',
})
