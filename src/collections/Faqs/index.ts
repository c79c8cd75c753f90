import type { CollectionConfig } from 'payload'

import { contentEventField } from '@/fields/contentEventField'
import { lineField } from '@/fields/textFields'
import { readPublishedForPublic } from '@/hooks/readPublishedForPublic'

import { contentAccess, contentVersions } from '../contentDefaults'

/** Questions and answers on an event's website, in the order editors give them. */
export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    group: 'Content',
    useAsTitle: 'question',
    defaultColumns: ['question', 'order', 'event', '_status'],
    listSearchableFields: ['question'],
  },
  defaultSort: 'order',
  access: contentAccess,
  versions: contentVersions,
  hooks: { beforeOperation: [readPublishedForPublic] },
  fields: [
    lineField('question', { required: true, maxLength: 300 }),
    { name: 'answer', type: 'richText', required: true },
    {
      name: 'order',
      type: 'number',
      required: true,
      defaultValue: 0,
      index: true,
      admin: { position: 'sidebar', step: 1, description: 'Lower numbers come first.' },
    },
    contentEventField(),
  ],
}
