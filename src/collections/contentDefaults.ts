import type { CollectionConfig } from 'payload'

import { editorOrAdmin } from '@/access/editorOrAdmin'
import { publishedOrTeam } from '@/access/publishedOrTeam'
import { teamMember } from '@/access/teamMember'

/**
 * What every content collection (sessions, speakers, partners, FAQs, pages) shares: editors and
 * admins write and publish, the whole team reads drafts and versions, the public reads only what is
 * published and never the version history.
 */
export const contentAccess: CollectionConfig['access'] = {
  read: publishedOrTeam,
  readVersions: teamMember,
  create: editorOrAdmin,
  update: editorOrAdmin,
  delete: editorOrAdmin,
}

/**
 * Drafts with autosave in the admin, and scheduled publishing: the admin's "Schedule" queues
 * Payload's schedulePublish task on the 'default' queue, which src/jobs runs. Drafts are not
 * validated (Payload's default), so an autosave of half-typed times never shows errors; publishing
 * runs every rule.
 */
export const contentVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  maxPerDoc: 50,
}

/** The content collections: public reads of these are what HTTP caching of public reads is for. */
export const CONTENT_SLUGS = ['sessions', 'speakers', 'partners', 'faqs', 'pages'] as const
