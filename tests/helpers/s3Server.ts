import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

import { findFreePort } from '@/scripts/findFreePort'

export type TestS3 = {
  /** The variables that point the app at this server (src/plugins/storage.ts). */
  env: Record<string, string>
  /** The keys of the bucket's objects under `prefix`. */
  keys: (prefix: string) => Promise<string[]>
  stop: () => Promise<void>
}

/** s3rver (an S3-compatible server) on a free port with a throwaway directory and one empty bucket. */
export async function startS3Server(bucket = 'otei-test'): Promise<TestS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 'otei-s3-'))
  const port = await findFreePort()
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, configureBuckets: [{ name: bucket }] })
  await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      // s3rver's own fixed credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    keys: async (prefix) => {
      const listing = await (await fetch(`${endpoint}/${bucket}?list-type=2&prefix=${encodeURIComponent(prefix)}`)).text()
      return [...listing.matchAll(/<Key>([^<]*)<\/Key>/g)].map(([, key]) => key)
    },
    stop: async () => {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}
