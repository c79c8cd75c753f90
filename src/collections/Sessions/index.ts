import {
  type CollectionConfig,
  type DateField,
  type DateFieldValidation,
  type Field,
  type FieldHook,
  type TextField,
  type TextFieldSingleValidation,
  ValidationError,
  validations,
} from 'payload'

import { choiceField } from '@/fields/choiceField'
import { contentEventField } from '@/fields/contentEventField'
import { lineField } from '@/fields/textFields'
import { readPublishedForPublic } from '@/hooks/readPublishedForPublic'
import { DEFAULT_EVENT_TIMEZONE, SESSION_KINDS } from '@/lib/choices'

import { contentAccess, contentVersions } from '../contentDefaults'
import { useEventTimezone } from './hooks/useEventTimezone'
import { endsWithinEvent, roomIsFree, startsWithinEvent } from './scheduleRules'

/**
 * Payload's date-field time zones: the admin shows and takes the time in the zone stored beside
 * it (`startsAt_tz`). No picker (no supported zones listed): useEventTimezone sets it from the
 * event. A text column rather than Payload's select, so any IANA zone an event has fits.
 */
const inEventTimezone: DateField['timezone'] = {
  supportedTimezones: [],
  override: ({ baseField }): Field => ({
    name: baseField.name,
    type: 'text',
    defaultValue: DEFAULT_EVENT_TIMEZONE,
    admin: { hidden: true },
  }),
}

const NOT_A_DATE = 'Enter a date and time, e.g. Jun 1, 2027 9:30 AM.'

// Drafts are saved unvalidated: an unreadable time would reach the database (a 500) as it is.
const refuseUnreadableTime: FieldHook = ({ value, path, collection, req }) => {
  if (typeof value === 'string' && value.trim() && Number.isNaN(Date.parse(value)))
    throw new ValidationError({ collection: collection?.slug, req, errors: [{ path: path.join('.'), message: NOT_A_DATE }] })
  return value
}

// A custom validate replaces Payload's own: keep its check that the value is a date at all (an
// unreadable one would otherwise reach the room check, and the database, as it is).
const sessionTime = (name: 'startsAt' | 'endsAt', rule: DateFieldValidation): DateField => ({
  name,
  type: 'date',
  required: true,
  index: name === 'startsAt',
  timezone: inEventTimezone,
  admin: {
    date: { pickerAppearance: 'dayAndTime', timeIntervals: 5 },
    description: 'In the event’s time zone.',
  },
  hooks: { beforeValidate: [refuseUnreadableTime] },
  validate: async (value, options) => {
    const isDate = await validations.date(value, options)
    return isDate === true ? rule(value, options) : isDate
  },
})

const room = lineField('room', { maxLength: 100 })
const roomText = room.validate as TextFieldSingleValidation

/** Agenda items of an event: talks, panels, workshops, pitches and breaks. */
export const Sessions: CollectionConfig = {
  slug: 'sessions',
  labels: { singular: 'Session', plural: 'Sessions' },
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'startsAt', 'endsAt', 'room', 'kind', 'event', '_status'],
    listSearchableFields: ['title', 'room', 'track'],
    description: 'The agenda. Published sessions of an event may not share a room at the same time.',
  },
  defaultSort: 'startsAt',
  access: contentAccess,
  versions: contentVersions,
  hooks: { beforeOperation: [readPublishedForPublic], beforeValidate: [useEventTimezone] },
  fields: [
    lineField('title', { required: true, maxLength: 200 }),
    choiceField('kind', SESSION_KINDS, { required: true }),
    { type: 'row', fields: [sessionTime('startsAt', startsWithinEvent), sessionTime('endsAt', endsWithinEvent)] },
    {
      type: 'row',
      fields: [
        {
          ...room,
          admin: { description: 'Where it happens, e.g. Main Hall. Sessions in the same room may not overlap.' },
          validate: (async (value, options) => {
            const basic = await roomText(value, options)
            if (basic !== true || typeof value !== 'string' || !value) return basic
            return roomIsFree(value, { data: options.data, id: options.id, req: options.req })
          }) as TextFieldSingleValidation,
        } as TextField,
        { ...lineField('track', { maxLength: 100 }), admin: { description: 'Optional theme, e.g. Fintech or Founders.' } },
      ],
    },
    {
      name: 'speakers',
      type: 'relationship',
      relationTo: 'speakers',
      hasMany: true,
      // Only the event's own speakers: the same person at two events has a speaker entry in each.
      filterOptions: ({ data }) => (data?.event ? { event: { equals: data.event } } : true),
    },
    { name: 'description', type: 'richText' },
    contentEventField(),
  ],
}
