import type { DateFieldValidation } from 'payload'

/** A date that, when both are set, must come after another date of the same document. */
export const mustFollow =
  (earlierField: string, message: string): DateFieldValidation =>
  (value, { siblingData, required }) => {
    if (!value) return required ? 'This field is required.' : true
    const earlier = (siblingData as Record<string, unknown>)[earlierField]
    const earlierTime = new Date(earlier as Date | string).getTime()
    // Unset or unreadable, the earlier date is its own field's error.
    if (!earlier || Number.isNaN(earlierTime)) return true
    return new Date(value as Date | string).getTime() > earlierTime ? true : message
  }
