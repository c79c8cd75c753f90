import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { editorOrAdmin } from '@/access/editorOrAdmin'
import { checkUploadContent } from '@/hooks/checkUploadContent'

/** What the content may show or link to: images (resized for the frontend) and PDF documents. */
export const MEDIA_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const

const isImage = (mimeType: unknown) => typeof mimeType === 'string' && mimeType.startsWith('image/')

/**
 * Images and documents used in event content (speaker photos, partner logos, page images). Public:
 * everything here is meant to be shown on the event's website.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Media file', plural: 'Media' },
  admin: {
    group: 'Content',
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize', 'updatedAt'],
  },
  access: {
    read: anyone,
    create: editorOrAdmin,
    update: editorOrAdmin,
    delete: editorOrAdmin,
  },
  // Checked by content (and scanned) before Payload reads the file.
  hooks: { beforeOperation: [checkUploadContent(MEDIA_MIME_TYPES)] },
  upload: {
    staticDir: path.resolve('.data/media'),
    mimeTypes: [...MEDIA_MIME_TYPES],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    // Sizes the frontend picks from; each is cropped around the focal point.
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 320, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 768, height: 512, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'hero', width: 1920, height: 1080, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
  },
  fields: [
    {
      name: 'alt',
      label: 'Alt text',
      type: 'text',
      maxLength: 300,
      admin: { description: 'What the image shows, for people who cannot see it. Required for images.' },
      validate: (value: string | null | undefined, { data }: { data: Partial<{ mimeType: string }> }) =>
        isImage(data?.mimeType) && !value?.trim() ? 'Describe the image for people who cannot see it.' : true,
    },
    { name: 'caption', type: 'text', maxLength: 500 },
  ],
}
