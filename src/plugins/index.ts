import { importExportPlugin } from '@payloadcms/plugin-import-export'
import { seoPlugin } from '@payloadcms/plugin-seo'
import path from 'node:path'
import type { CollectionAfterChangeHook, CollectionConfig, Endpoint, Plugin } from 'payload'
import { openapi, swaggerUI } from 'payload-oapi'

import { adminOnly } from '@/access/adminOnly'
import { checkRole } from '@/access/checkRole'
import { hiddenFromNonStaff } from '@/access/hiddenFromNonStaff'
import { staffOrAdmin } from '@/access/staffOrAdmin'
import { recordExport } from '@/audit/recordExport'
import { CONTENT_SLUGS } from '@/collections/contentDefaults'
import { intEnv } from '@/lib/env'
import { isSubmissionSlug, SUBMISSION_SLUGS } from '@/submissions'

import { auditLog } from './auditLog'
import { docsPagePolicy } from './docsPagePolicy'
import { withCompletedDocument } from './openapi/withCompletedDocument'
import { publicCaching } from './publicCaching'
import { readableExportRows } from './readableExportRows'
import { generatePageDescription, generatePageTitle } from './seoMeta'
import { storage } from './storage'
import { PLUGIN_DOWNLOAD, streamSavedExports } from './streamSavedExports'

/** Above this many rows, "Download" is refused in favour of "Save", which builds the file in a job. */
export const DIRECT_DOWNLOAD_MAX_ROWS = intEnv('EXPORT_DIRECT_DOWNLOAD_MAX_ROWS', 5000)

/**
 * The plugin's download endpoint streams the file within the request. Staff only, and only for
 * exports small enough to hold a request; larger ones must go through the job queue.
 */
const guardDownload = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  // Saved exports stream through the plugin's own handler (./streamSavedExports.ts).
  custom: { ...endpoint.custom, [PLUGIN_DOWNLOAD]: endpoint.handler },
  handler: async (req) => {
    if (!checkRole(['admin', 'staff'], req.user))
      return Response.json({ errors: [{ message: 'Only staff can export submissions.' }] }, { status: 403 })
    const body = await req.json?.().catch(() => undefined)
    const { collectionSlug, where } = body?.data ?? {}
    if (isSubmissionSlug(collectionSlug)) {
      const { totalDocs } = await req.payload.count({ collection: collectionSlug, where, req, overrideAccess: false })
      if (totalDocs > DIRECT_DOWNLOAD_MAX_ROWS) {
        return Response.json(
          {
            errors: [
              {
                message: `This export has ${totalDocs} rows, too many to download directly. Use “Save” instead: the file is built in the background and appears under Exports.`,
              },
            ],
          },
          { status: 400 },
        )
      }
    }
    // The plugin's handler reads the body itself; hand it the one already read.
    req.json = async () => body
    const response = await endpoint.handler(req)
    if (response.ok && isSubmissionSlug(collectionSlug)) await recordExport(req, { collectionSlug, where })
    return response
  },
})

// "Save": the file is built later by a job, but the export is asked for (and audited) now.
const recordSavedExport: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create' && isSubmissionSlug(doc.collectionSlug)) {
    await recordExport(req, { collectionSlug: doc.collectionSlug, where: doc.where, exportId: doc.id })
  }
  return doc
}

const staffOnlyExports = ({ collection }: { collection: CollectionConfig }): CollectionConfig => ({
  ...collection,
  labels: { singular: 'Export', plural: 'Exports' },
  access: { ...collection.access, create: staffOrAdmin, read: staffOrAdmin, delete: staffOrAdmin, update: () => false },
  admin: { ...collection.admin, group: 'Submissions', hidden: hiddenFromNonStaff },
  upload: { ...(typeof collection.upload === 'object' ? collection.upload : {}), staticDir: path.resolve('.data/exports') },
  endpoints: (collection.endpoints || []).map((endpoint) =>
    endpoint.path === '/download' ? guardDownload(endpoint) : endpoint,
  ),
  hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), recordSavedExport] },
})

// Submissions are never imported; the plugin still registers its imports collection, kept to admins.
const adminOnlyImports = ({ collection }: { collection: CollectionConfig }): CollectionConfig => ({
  ...collection,
  access: { read: adminOnly, create: adminOnly, update: adminOnly, delete: adminOnly },
  admin: { ...collection.admin, hidden: true },
  upload: { ...(typeof collection.upload === 'object' ? collection.upload : {}), staticDir: path.resolve('.data/imports') },
})

export const plugins: Plugin[] = [
  // GET /api/openapi.json, completed with each operation's real error answers, and the browsable
  // docs at GET /api/docs.
  withCompletedDocument(openapi({
    openapiVersion: '3.1',
    metadata: {
      title: 'OTEI API',
      version: '1.0.0',
      description:
        'Registrations and sponsor, exhibitor and volunteer applications for OTEI, plus event content. ' +
        'Public forms: POST to the collection (camelCase) or to the guide endpoints (snake_case).',
    },
    // payload-jobs-stats is the job queue's internal bookkeeping, like the payload-* collections.
    filters: { hideInternalCollections: true, excludeCollections: ['imports'], excludeGlobals: ['payload-jobs-stats'] },
  })),
  swaggerUI({ docsUrl: '/docs' }),
  docsPagePolicy('/docs'),
  importExportPlugin({
    collections: SUBMISSION_SLUGS.map((slug) => ({
      slug,
      import: false,
      export: { format: 'csv', batchSize: 500, hooks: { before: readableExportRows(slug) } },
    })),
    overrideExportCollection: staffOnlyExports,
    overrideImportCollection: adminOnlyImports,
  }),
  streamSavedExports('exports'),
  // Title, description and share image of each page (a `meta` group), with "Generate" buttons.
  seoPlugin({
    collections: ['pages'],
    uploadsCollection: 'media',
    generateTitle: generatePageTitle,
    generateDescription: generatePageDescription,
  }),
  // Published content and public media: Cache-Control, ETag and 304 on signed-out reads.
  publicCaching({ collections: ['events', 'media', ...CONTENT_SLUGS] }),
  storage(),
  // Exports get an `export` entry of their own (above); the outbox and security events are the
  // server's own bookkeeping, each change a consequence of one already audited.
  auditLog({ except: ['audit-log', 'security-events', 'email-outbox', 'exports', 'imports'] }),
]
