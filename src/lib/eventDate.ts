import { DEFAULT_EVENT_TIMEZONE } from './choices'

/** A moment as people read it in the event's time zone: "Saturday, 20 March 2027 at 09:00". */
export const formatEventDate = (iso: string | null | undefined, timeZone?: string | null): string =>
  iso
    ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: timeZone || DEFAULT_EVENT_TIMEZONE }).format(new Date(iso))
    : ''
