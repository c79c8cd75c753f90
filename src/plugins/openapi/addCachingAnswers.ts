import type { Payload } from 'payload'

import { isPubliclyCached, NOT_STORED, PUBLIC_CACHE_CONTROL } from '../publicCaching'

import { resolveRef } from './resolveRef'

type Json = Record<string, any>

const CACHING_HEADERS = {
  'Cache-Control': {
    description: `\`${PUBLIC_CACHE_CONTROL}\` signed out; \`${NOT_STORED}\` signed in or with \`draft=true\``,
    schema: { type: 'string' },
  },
  ETag: { description: 'The body’s tag, signed out only: send it back in `If-None-Match`', schema: { type: 'string' } },
}

const IF_NONE_MATCH = {
  in: 'header',
  name: 'If-None-Match',
  description: 'The `ETag` of the copy the client holds (several, comma-separated, `W/` or `*` too): `304` while it is current',
  schema: { type: 'string' },
}

const NOT_MODIFIED = {
  description: 'Not Modified: signed out, and `If-None-Match` names the current `ETag`; no body',
  headers: CACHING_HEADERS,
}

/**
 * The list and document reads that ../publicCaching.ts makes cacheable: their headers, the
 * If-None-Match they take and the 304 they may answer. The 200 becomes the operation's own (it is a
 * response component shared with other operations).
 */
export function addCachingAnswers(document: Json, payload: Payload): void {
  for (const { config } of Object.values(payload.collections)) {
    if (!isPubliclyCached(config)) continue
    for (const path of ['', '/{id}']) {
      const operation = document.paths[`${payload.config.routes.api}/${config.slug}${path}`]?.get
      if (!operation) continue
      operation.parameters = [...(operation.parameters ?? []), IF_NONE_MATCH]
      operation.responses[200] = { ...resolveRef(document, operation.responses[200]), headers: CACHING_HEADERS }
      operation.responses[304] = NOT_MODIFIED
    }
  }
}
