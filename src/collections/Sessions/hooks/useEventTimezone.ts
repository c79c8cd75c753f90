import type { CollectionBeforeValidateHook } from 'payload'

import { eventSchedule } from '../eventSchedule'

/**
 * Start and end are entered and shown in the event's time zone: the admin's date picker reads
 * `<field>_tz`, which follows the event's own `timezone` on every save (an editor never picks it).
 */
export const useEventTimezone: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const schedule = await eventSchedule(req, data.event ?? originalDoc?.event)
  if (schedule) {
    data.startsAt_tz = schedule.timezone
    data.endsAt_tz = schedule.timezone
  }
  return data
}
