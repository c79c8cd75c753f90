import type { Plugin } from 'payload'

import { refuseMalformedRequest } from '@/hooks/refuseMalformedRequest'

/** Every collection, those of other plugins included (so it comes last), refuses malformed ids and bodies with a 4xx. */
export const refuseMalformedRequests: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [refuseMalformedRequest, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
