import type { CollectionConfig } from 'payload'

import { publishedOrTeam } from '@/access/publishedOrTeam'
import { setByServer } from '@/access/fields/setByServer'
import { staffOrAdmin } from '@/access/staffOrAdmin'
import { slugField } from '@/fields/slugField'
import { timezoneField } from '@/fields/timezoneField'
import { readPublishedForPublic } from '@/hooks/readPublishedForPublic'
import { DEFAULT_EVENT_TIMEZONE } from '@/lib/choices'

import { fillRetentionDate, RETENTION_DAYS_AFTER_EVENT } from './hooks/fillRetentionDate'
import { offerPlacesWhenCapacityGrows } from './hooks/offerPlacesWhenCapacityGrows'
import { mustFollow } from './mustFollow'

const dayAndTime = { date: { pickerAppearance: 'dayAndTime' as const } }

export const Events: CollectionConfig = {
  slug: 'events',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'startsAt', 'venue', 'capacity', '_status'],
    group: 'Event',
    listSearchableFields: ['name', 'slug', 'venue'],
  },
  defaultSort: '-startsAt',
  // What a registration (or application) carries of its event when populated: enough to list and
  // email it, not the description, repeated in every row of a staff list.
  defaultPopulate: { name: true, slug: true, startsAt: true, endsAt: true, timezone: true, venue: true },
  // Draft/published states come from Payload's versions; `_status` is what the public filter reads.
  versions: {
    drafts: true,
    maxPerDoc: 50,
  },
  hooks: { beforeOperation: [readPublishedForPublic], beforeValidate: [fillRetentionDate], afterChange: [offerPlacesWhenCapacityGrows] },
  access: {
    read: publishedOrTeam,
    readVersions: staffOrAdmin,
    create: staffOrAdmin,
    update: staffOrAdmin,
    delete: staffOrAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    slugField('name'),
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', required: true, index: true, admin: dayAndTime },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          admin: dayAndTime,
          validate: mustFollow('startsAt', 'The event must end after it starts.'),
        },
      ],
    },
    timezoneField(DEFAULT_EVENT_TIMEZONE),
    { name: 'venue', type: 'text', maxLength: 300 },
    {
      name: 'capacity',
      type: 'number',
      min: 1,
      admin: {
        description: 'Places available, counting confirmed registrations and open waitlist offers; leave empty for no limit. Raising it offers the new places to the waitlist.',
        step: 1,
      },
      validate: (value: number | null | undefined) =>
        value == null || (Number.isInteger(value) && value >= 1) ? true : 'Enter a whole number of seats, 1 or more.',
    },
    {
      type: 'row',
      fields: [
        { name: 'registrationOpensAt', type: 'date', admin: dayAndTime },
        {
          name: 'registrationClosesAt',
          type: 'date',
          admin: dayAndTime,
          validate: mustFollow('registrationOpensAt', 'Registration must close after it opens.'),
        },
      ],
    },
    {
      name: 'requireEmailConfirmation',
      label: 'Registrants confirm their email address (double opt-in)',
      type: 'checkbox',
      defaultValue: true,
      admin: {
        description: 'A registration counts once its confirmation link is followed; unconfirmed ones expire after REGISTRATION_CONFIRM_HOURS.',
      },
    },
    { name: 'description', type: 'richText' },
    {
      name: 'retainPersonalDataUntil',
      label: 'Keep personal data until',
      type: 'date',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly' },
        description: `After this day, names, emails, phone numbers and free-text answers of everyone who registered or applied for this event are removed for good; counts and answers such as categories stay for reports. Leave empty for ${RETENTION_DAYS_AFTER_EVENT} days after the event ends (it then moves with the end date).`,
      },
      validate: mustFollow('endsAt', 'Keep personal data at least until the event has ended.'),
    },
    {
      name: 'personalDataAnonymisedAt',
      label: 'Personal data removed at',
      type: 'date',
      // Set by the anonymiseExpiredSubmissions job only.
      access: { create: setByServer, update: setByServer },
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime' },
        description: 'When the daily retention job removed the personal data of this event’s submissions; empty until then.',
      },
    },
  ],
}
