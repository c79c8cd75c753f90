import { placeholdersIn } from './renderEmail'
import { EMAIL_TEMPLATES, type EmailTemplateKey } from './templateKeys'

const braces = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(', ')

/**
 * Whether a template's subject or body uses only the placeholders its key offers, and all it
 * must: a typo like {{firstname}} would otherwise go out as an empty gap in real emails.
 */
export function checkPlaceholders(
  key: unknown,
  strings: string[],
  { requireAll, alsoUsed = [] }: { requireAll: boolean; alsoUsed?: string[] },
): true | string {
  if (typeof key !== 'string' || !(key in EMAIL_TEMPLATES)) return true // the key field reports its own error
  const spec = EMAIL_TEMPLATES[key as EmailTemplateKey]
  const offered: readonly string[] = spec.placeholders
  const used = strings.flatMap(placeholdersIn)
  const unknown = [...new Set(used.filter((name) => !offered.includes(name)))]
  if (unknown.length) {
    return `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${braces(unknown)}. This email offers ${braces(offered)}.`
  }
  // A required placeholder may stand in `alsoUsed` (the subject, for the body).
  const anywhere = [...used, ...alsoUsed.flatMap(placeholdersIn)]
  const missing = requireAll ? ('required' in spec ? spec.required : []).filter((name) => !anywhere.includes(name)) : []
  if (missing.length) return `This email must include ${braces(missing)}.`
  return true
}
