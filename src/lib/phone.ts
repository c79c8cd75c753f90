import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'

export const DEFAULT_PHONE_REGION: CountryCode = 'NG'

/**
 * The E.164 form of a phone number typed any usual way ("0803 123 4567", "+234 803-123-4567",
 * "2348031234567"), or undefined when it is not a valid number. National numbers are read as
 * Nigerian unless they carry a country code.
 */
export function toE164(input: string, region: CountryCode = DEFAULT_PHONE_REGION): string | undefined {
  const trimmed = input.trim()
  if (!trimmed) return undefined
  // "234…" without the plus is common on Nigerian forms; read it as international.
  const withPlus = /^234\d{10}$/.test(trimmed.replace(/\D/g, '')) && !trimmed.startsWith('+') ? `+${trimmed}` : trimmed
  const phone = parsePhoneNumberFromString(withPlus, region)
  return phone?.isValid() ? phone.number : undefined
}

export const isE164 = (value: string): boolean => /^\+[1-9]\d{6,14}$/.test(value) && toE164(value) === value
