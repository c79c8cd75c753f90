import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { adminOnly } from '@/access/adminOnly'
import { hiddenFromNonStaff } from '@/access/hiddenFromNonStaff'
import { staffOrAdmin } from '@/access/staffOrAdmin'
import { checkUploadContent } from '@/hooks/checkUploadContent'
import { NOT_STORED } from '@/plugins/publicCaching'

/** What a deck may be: a PDF, by its content. */
export const SPONSOR_DECK_MIME_TYPES = ['application/pdf'] as const

/**
 * The PDF deck a sponsor may attach to its application: personal data of the applicant, read by
 * staff and admins only, through the app (/api/sponsor-decks/file/<name>, which checks `read`).
 * Nobody creates one over the API: the application's own create stores it (the submission
 * factory's attachment hooks), in the same transaction, after the same captcha and rate limits.
 * Deleted with its application, by erasure and by the retention job.
 */
export const SponsorDecks: CollectionConfig = {
  slug: 'sponsor-decks',
  labels: { singular: 'Sponsor deck', plural: 'Sponsor decks' },
  admin: {
    group: 'Submissions',
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'application', 'filesize', 'createdAt'],
    hidden: hiddenFromNonStaff,
  },
  access: {
    create: () => false,
    read: staffOrAdmin,
    update: () => false,
    delete: adminOnly,
  },
  hooks: { beforeOperation: [checkUploadContent(SPONSOR_DECK_MIME_TYPES)] },
  upload: {
    staticDir: path.resolve('.data/sponsor-decks'),
    mimeTypes: [...SPONSOR_DECK_MIME_TYPES],
    // Staff-only files: no shared cache (a CDN in front of /api) may keep a copy.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', NOT_STORED)
      return headers
    },
  },
  fields: [
    {
      name: 'application',
      type: 'relationship',
      relationTo: 'sponsor-applications',
      required: true,
      index: true,
      admin: { readOnly: true },
    },
  ],
}
