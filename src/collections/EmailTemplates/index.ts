import type { CollectionConfig } from 'payload'

import { editorOrAdmin } from '@/access/editorOrAdmin'
import { teamMember } from '@/access/teamMember'
import { checkPlaceholders } from '@/email/checkPlaceholders'
import { richTextStrings } from '@/email/renderEmail'
import { EMAIL_TEMPLATE_KEYS, EMAIL_TEMPLATES } from '@/email/templateKeys'
import { previewEmailTemplate } from '@/endpoints/previewEmailTemplate'

import { oneTemplatePerKeyAndEvent } from './hooks/oneTemplatePerKeyAndEvent'
import { titleFromKey } from './hooks/titleFromKey'

/**
 * The wording of every email the app sends, edited by editors. One default per key; an optional
 * copy for one event overrides it for that event's emails.
 */
export const EmailTemplates: CollectionConfig = {
  slug: 'email-templates',
  labels: { singular: 'Email template', plural: 'Email templates' },
  admin: {
    group: 'Email',
    useAsTitle: 'title',
    defaultColumns: ['title', 'subject', 'event', 'updatedAt'],
    description: 'What each automatic email says. Use the placeholders listed on each template; the preview shows it with sample data.',
    preview: (doc) => `/api/email-templates/${doc.id}/preview`,
  },
  defaultSort: 'key',
  access: {
    create: editorOrAdmin,
    read: teamMember,
    update: editorOrAdmin,
    delete: editorOrAdmin,
  },
  hooks: {
    beforeChange: [oneTemplatePerKeyAndEvent, titleFromKey],
  },
  endpoints: [previewEmailTemplate],
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'key',
          label: 'Email',
          type: 'select',
          required: true,
          index: true,
          options: EMAIL_TEMPLATE_KEYS.map((key) => ({ value: key, label: EMAIL_TEMPLATES[key].label })),
        },
        {
          name: 'event',
          type: 'relationship',
          relationTo: 'events',
          admin: { description: 'Leave empty for the default. Set it to use this version for one event only.' },
        },
      ],
    },
    {
      name: 'placeholders',
      type: 'ui',
      admin: { components: { Field: '/src/components/EmailPlaceholders#EmailPlaceholders' } },
    },
    {
      name: 'subject',
      type: 'text',
      required: true,
      maxLength: 200,
      validate: (value: string | null | undefined, { data }: { data: { key?: unknown } }) =>
        value ? checkPlaceholders(data.key, [value], { requireAll: false }) : 'Write a subject.',
    },
    {
      name: 'body',
      type: 'richText',
      required: true,
      validate: (value: unknown, { data }: { data: { key?: unknown; subject?: string } }) => {
        const strings = richTextStrings(value as Parameters<typeof richTextStrings>[0])
        if (!strings.join('').trim()) return 'Write the email.'
        return checkPlaceholders(data.key, strings, { requireAll: true, alsoUsed: [data.subject ?? ''] })
      },
    },
  ],
}
