import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

/**
 * Where uploaded files live: on local disk (each upload collection's staticDir under .data/) unless
 * S3_BUCKET is set, then in that bucket (AWS S3, or any S3-compatible store through S3_ENDPOINT),
 * one prefix per collection. Files are served through the app either way
 * (/api/<collection>/file/<name>), after the collection's read rule: the media to anyone, the
 * sponsor decks to staff and admins only; the bucket itself stays private.
 *
 * The plugin is always installed, enabled or not (alwaysInsertFields), so the schema (its `prefix`
 * column) is the same with and without S3 and one set of migrations serves both.
 */
export function storage(): Plugin {
  const bucket = process.env.S3_BUCKET?.trim()
  const accessKeyId = process.env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = process.env.S3_SECRET_ACCESS_KEY?.trim()
  if (bucket && !(accessKeyId && secretAccessKey))
    throw new Error('S3_BUCKET is set but S3_ACCESS_KEY_ID or S3_SECRET_ACCESS_KEY is not: set both, or unset S3_BUCKET to store files on disk.')
  return s3Storage({
    enabled: Boolean(bucket),
    alwaysInsertFields: true,
    bucket: bucket ?? '',
    acl: 'private',
    collections: {
      media: { prefix: 'media' },
      'sponsor-decks': { prefix: 'sponsor-decks' },
    },
    config: {
      endpoint: process.env.S3_ENDPOINT?.trim() || undefined,
      region: process.env.S3_REGION?.trim() || 'us-east-1',
      forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    },
  })
}
