/** Trims and collapses runs of white space into one space: for names and one-line fields. */
export const collapseSpaces = (value: string): string => value.replace(/\s+/g, ' ').trim()

/** Trims and drops trailing spaces on each line; keeps line breaks: for free text. */
export const tidyMultiline = (value: string): string =>
  value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()

// Pragmatic address check: one @, no spaces, a dot in the domain. The confirmation email is the real proof.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const MAX_EMAIL_LENGTH = 254

export const isEmailAddress = (value: string): boolean =>
  value.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(value)

export const normalizeEmail = (value: string): string => value.trim().toLowerCase()

/** An http(s) URL, with https:// added when no scheme was typed; undefined when it is not one. */
export function normalizeWebsite(value: string): string | undefined {
  const trimmed = value.trim()
  if (!trimmed) return undefined
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`
  try {
    const url = new URL(withScheme)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    if (!url.hostname.includes('.')) return undefined
    return url.toString()
  } catch {
    return undefined
  }
}
