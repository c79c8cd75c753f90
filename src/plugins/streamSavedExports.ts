import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream } from 'node:stream/web'
import { type CollectionSlug, createLocalReq, type Endpoint, type Plugin, type TaskConfig } from 'payload'

import { assertPinnedVersion } from '@/lib/pinnedVersion'

type ExportInput = { id: string; exportCollection: CollectionSlug; userCollection: CollectionSlug; userID: string } & Record<string, unknown>

/**
 * "Save" in the admin builds the file in the `createCollectionExport` job. The import-export
 * plugin's own job holds every row, then the whole file, in memory before storing it (1.2 GB for
 * 100,000 registrations); its download endpoint streams batch by batch instead. Here the job
 * runs that download as the user who asked, streams it to a file, and attaches the file to the
 * export document: the same CSV, a batch in memory at a time.
 */
export const streamSavedExports =
  (exportsSlug: CollectionSlug): Plugin =>
  (config) => {
    assertPinnedVersion('@payloadcms/plugin-import-export', '3.90.1', 'src/plugins/streamSavedExports.ts and guardDownload in src/plugins/index.ts')
    const endpoints = config.collections?.find(({ slug }) => slug === exportsSlug)?.endpoints
    const download = (Array.isArray(endpoints) ? endpoints : []).find(({ path }) => path === '/download')
    const streamDownload = download?.custom?.[PLUGIN_DOWNLOAD] as Endpoint['handler'] | undefined
    if (!streamDownload) throw new Error(`streamSavedExports: no wrapped download endpoint on ${exportsSlug}`)
    return {
      ...config,
      jobs: {
        ...config.jobs,
        tasks: (config.jobs?.tasks ?? []).map((task) =>
          task.slug === 'createCollectionExport' ? { ...task, handler: saveStreamedExport(exportsSlug, streamDownload) } : task,
        ) as TaskConfig[],
      },
    }
  }

/** Where a wrapped download endpoint keeps the plugin's own handler (`custom`). */
export const PLUGIN_DOWNLOAD = 'pluginDownloadHandler'

const saveStreamedExport =
  (exportsSlug: CollectionSlug, download: Endpoint['handler']): TaskConfig['handler'] =>
  async ({ input, req }) => {
    const { id, userCollection, userID, ...data } = input as ExportInput
    const user = await req.payload.findByID({ collection: userCollection, id: userID, depth: 0, overrideAccess: true })
    const asUser = await createLocalReq({ user: { ...user, collection: userCollection } as never }, req.payload)
    asUser.json = async () => ({ data })
    const response = await download(asUser)
    if (!response.ok || !response.body) throw new Error(`export ${id}: ${response.status} ${await response.text()}`)
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${id}.csv`
    const folder = await mkdtemp(path.join(tmpdir(), 'otei-export-'))
    try {
      const file = path.join(folder, name)
      await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(file))
      await req.payload.update({ collection: exportsSlug, id, data: {}, filePath: file, overrideAccess: true })
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
    return { output: {} }
  }
