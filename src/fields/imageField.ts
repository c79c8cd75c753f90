import type { UploadField } from 'payload'

/** An image from the media library (a PDF there cannot stand in for a photo or a logo). */
export const imageField = (name: string, { required = false, description }: { required?: boolean; description?: string } = {}): UploadField => ({
  name,
  type: 'upload',
  relationTo: 'media',
  required,
  filterOptions: { mimeType: { like: 'image/' } },
  admin: description ? { description } : undefined,
})
