import type { CollectionBeforeValidateHook } from 'payload'

/** How long after an event ends its submissions keep their personal data, unless staff choose a date. */
export const RETENTION_DAYS_AFTER_EVENT = 180

const defaultRetention = (endsAt: unknown): string | undefined =>
  endsAt ? new Date(new Date(endsAt as string).getTime() + RETENTION_DAYS_AFTER_EVENT * 86_400_000).toISOString() : undefined

const sameInstant = (a: unknown, b: unknown): boolean =>
  Boolean(a && b) && new Date(a as string).getTime() === new Date(b as string).getTime()

/**
 * Fills retainPersonalDataUntil with the end + 180 days when it is left empty, and moves it with
 * the end while it still holds that default: a date staff chose stays as they set it. Runs on
 * drafts too (their validation is skipped, so the date is what a later publish validates).
 */
export const fillRetentionDate: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data) return data
  const endsAt = data.endsAt ?? originalDoc?.endsAt
  const chosen = 'retainPersonalDataUntil' in data ? data.retainPersonalDataUntil : originalDoc?.retainPersonalDataUntil
  const stillDefault = sameInstant(chosen, originalDoc?.retainPersonalDataUntil) && sameInstant(chosen, defaultRetention(originalDoc?.endsAt))
  if (!chosen || stillDefault) data.retainPersonalDataUntil = defaultRetention(endsAt) ?? chosen
  return data
}
