import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'

import {
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'

/**
 * What a backup is made of, for npm run backup and npm run restore: the database dump and, when
 * uploads are stored on local disk, a tar of their folders, both named by the same UTC time.
 */

/** The upload collections' staticDir (src/collections/Media, SponsorDecks), relative to the project. */
export const UPLOAD_FOLDERS = ['.data/media', '.data/sponsor-decks']

const BACKUP_NAME = /^otei-(\d{8}T\d{6}Z)\.(dump|uploads\.tar)$/

/** 2026-12-03T18:45:00.123Z → 20261203T184500Z */
export const backupStamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

export const dumpName = (stamp: string) => `otei-${stamp}.dump`
export const uploadsName = (stamp: string) => `otei-${stamp}.uploads.tar`

/** The uploads tar that belongs to a dump file: beside it, with the same time. */
export const uploadsBesideDump = (dumpFile: string) => dumpFile.replace(/\.dump$/, '.uploads.tar')

/** Of these file names, the backup files whose time is older than the `keep` newest backups. */
export function namesToPrune(names: string[], keep: number): string[] {
  const stampOf = (name: string) => BACKUP_NAME.exec(name)?.[1]
  const stamps = [...new Set(names.map(stampOf).filter((stamp) => stamp !== undefined))].sort().reverse()
  const kept = new Set(stamps.slice(0, keep))
  return names.filter((name) => {
    const stamp = stampOf(name)
    return stamp !== undefined && !kept.has(stamp)
  })
}

/** The bucket that keeps copies of the backups (BACKUP_S3_BUCKET), reached with the S3_* settings. */
export function backupBucket(): { client: S3Client; bucket: string } | undefined {
  const bucket = process.env.BACKUP_S3_BUCKET?.trim()
  if (!bucket) return undefined
  const accessKeyId = process.env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = process.env.S3_SECRET_ACCESS_KEY?.trim()
  if (!(accessKeyId && secretAccessKey))
    throw new Error('BACKUP_S3_BUCKET is set but S3_ACCESS_KEY_ID or S3_SECRET_ACCESS_KEY is not: set both, or unset BACKUP_S3_BUCKET.')
  const client = new S3Client({
    endpoint: process.env.S3_ENDPOINT?.trim() || undefined,
    region: process.env.S3_REGION?.trim() || 'us-east-1',
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    credentials: { accessKeyId, secretAccessKey },
  })
  return { client, bucket }
}

/** Backups sit under this prefix, so the bucket may be the uploads' own (media/, sponsor-decks/). */
export const BUCKET_PREFIX = 'backups/'

export async function uploadToBucket({ client, bucket }: { client: S3Client; bucket: string }, file: string): Promise<string> {
  const key = BUCKET_PREFIX + path.basename(file)
  const { size } = await stat(file)
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: createReadStream(file), ContentLength: size }))
  return key
}

/** Deletes the bucket's backups older than the `keep` newest; the keys deleted. */
export async function pruneBucket({ client, bucket }: { client: S3Client; bucket: string }, keep: number): Promise<string[]> {
  const names: string[] = []
  let ContinuationToken: string | undefined
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: BUCKET_PREFIX, ContinuationToken }))
    for (const object of page.Contents ?? []) if (object.Key) names.push(object.Key.slice(BUCKET_PREFIX.length))
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (ContinuationToken)
  const keys = namesToPrune(names, keep).map((name) => BUCKET_PREFIX + name)
  // One by one: a few files a day, and S3-compatible stores differ in what DeleteObjects requires.
  for (const Key of keys) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }))
  return keys
}
