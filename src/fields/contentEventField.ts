import type { RelationshipField } from 'payload'

/**
 * The event a piece of content (session, speaker, partner, FAQ, page) belongs to. Unlike the
 * submissions' eventField there is no registration window: editors prepare content for events
 * long before they open, drafts included.
 */
export const contentEventField = (): RelationshipField => ({
  name: 'event',
  type: 'relationship',
  relationTo: 'events',
  required: true,
  index: true,
  admin: { position: 'sidebar', description: 'The event whose website shows this.' },
})
