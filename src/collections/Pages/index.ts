import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionConfig } from 'payload'

import { contentEventField } from '@/fields/contentEventField'
import { slugField } from '@/fields/slugField'
import { lineField } from '@/fields/textFields'
import { readPublishedForPublic } from '@/hooks/readPublishedForPublic'

import { contentAccess, contentVersions } from '../contentDefaults'
import { CallToActionBlock } from './blocks/CallToActionBlock'
import { ImageBlock } from './blocks/ImageBlock'

/** Free pages of an event's website ("About OTEI", "Venue and travel"); SEO fields come from plugin-seo. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: 'Page', plural: 'Pages' },
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'event', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'slug'],
    description: 'Pages of the event’s website; the slug is the page’s address, unique within its event.',
  },
  defaultSort: 'title',
  access: contentAccess,
  versions: contentVersions,
  hooks: { beforeOperation: [readPublishedForPublic] },
  fields: [
    lineField('title', { required: true, maxLength: 200 }),
    slugField('title', { uniquePer: 'event' }),
    {
      name: 'body',
      type: 'richText',
      editor: lexicalEditor({
        features: ({ defaultFeatures }) => [...defaultFeatures, BlocksFeature({ blocks: [ImageBlock, CallToActionBlock] })],
      }),
    },
    contentEventField(),
  ],
  indexes: [{ fields: ['event', 'slug'], unique: true }],
}
