import type { CollectionConfig } from 'payload'

import { contentEventField } from '@/fields/contentEventField'
import { imageField } from '@/fields/imageField'
import { slugField } from '@/fields/slugField'
import { lineField } from '@/fields/textFields'
import { websiteField } from '@/fields/websiteField'
import { readPublishedForPublic } from '@/hooks/readPublishedForPublic'

import { contentAccess, contentVersions } from '../contentDefaults'

/** The people on an event's agenda. */
export const Speakers: CollectionConfig = {
  slug: 'speakers',
  labels: { singular: 'Speaker', plural: 'Speakers' },
  admin: {
    group: 'Content',
    useAsTitle: 'name',
    defaultColumns: ['name', 'jobTitle', 'organisation', 'event', '_status'],
    listSearchableFields: ['name', 'organisation', 'jobTitle'],
    description: 'Speakers of an event; add them to sessions from the session.',
  },
  defaultSort: 'name',
  // What a session's speakers carry when populated (the agenda): enough for a speaker card, not the bio.
  defaultPopulate: { name: true, slug: true, jobTitle: true, organisation: true, photo: true },
  access: contentAccess,
  versions: contentVersions,
  hooks: { beforeOperation: [readPublishedForPublic] },
  fields: [
    lineField('name', { required: true, maxLength: 150 }),
    slugField('name', { uniquePer: 'event' }),
    {
      type: 'row',
      fields: [lineField('jobTitle', { label: 'Job title', maxLength: 150 }), lineField('organisation', { maxLength: 150 })],
    },
    imageField('photo', { description: 'A square portrait works best; the frontend shows the thumbnail size.' }),
    { name: 'bio', type: 'richText' },
    {
      name: 'links',
      type: 'array',
      maxRows: 6,
      admin: { description: 'Profiles and websites, e.g. LinkedIn, X, a personal site.' },
      fields: [
        {
          type: 'row',
          fields: [lineField('label', { required: true, maxLength: 60 }), websiteField('url', { label: 'URL', required: true })],
        },
      ],
    },
    contentEventField(),
  ],
  indexes: [{ fields: ['event', 'slug'], unique: true }],
}
