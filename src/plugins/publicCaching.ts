import { createHash } from 'node:crypto'
import type { CollectionSlug, Endpoint, PayloadHandler, PayloadRequest, Plugin, SanitizedCollectionConfig } from 'payload'
import { parseCookies } from 'payload/shared'

import { intEnv } from '@/lib/env'
import { assertPinnedVersion } from '@/lib/pinnedVersion'

/** How long a browser or CDN may reuse a public read, then serve it stale while it asks again. */
export const PUBLIC_CACHE_CONTROL = `public, max-age=${intEnv('PUBLIC_CACHE_MAX_AGE_SECONDS', 60)}, stale-while-revalidate=${intEnv('PUBLIC_CACHE_STALE_SECONDS', 300)}`

/** Answers meant for one caller (signed in, drafts) and errors: never kept by anyone. */
export const NOT_STORED = 'private, no-store'

/**
 * Public answers differ by Origin (Payload echoes an allowed one in Access-Control-Allow-Origin,
 * without saying so in Vary) and by Accept-Encoding (the production server compresses).
 */
const VARY = ['Accept-Encoding', 'Origin']

/** Payload's own reads (payload/dist/collections/endpoints, uploads/endpoints): list, document, file. */
const READS = ['/', '/:id', '/file/:filename']

const WRAPPED = Symbol('publicCaching')

/**
 * A request whose answer may be shared: nobody signed in or trying to (a token in a cookie or in
 * Authorization, even one that no longer works), no drafts asked for, a real GET (Payload turns a
 * POST carrying X-HTTP-Method-Override into one, and a POST's answer is not to be shared). Asked
 * before Payload's handler runs: it parses `req.query` in place.
 */
function isShared(req: PayloadRequest): boolean {
  const { headers } = req
  if (req.user || headers.has('authorization')) return false
  if (parseCookies(headers).has(`${req.payload.config.cookiePrefix}-token`)) return false
  if (headers.has('x-payload-http-method-override') || headers.has('x-http-method-override')) return false
  return req.query?.draft !== 'true'
}

/** If-None-Match names this entity tag, by weak comparison (RFC 9110 13.1.2), or is `*`. */
function ifNoneMatchNames(header: string | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = (tag: string) => tag.replace(/^W\//, '')
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === opaque(etag))
}

function withHeaders(response: Response, headers: Headers, body: BodyInit | null = response.body, status = response.status) {
  return new Response(body, { status, statusText: status === response.status ? response.statusText : '', headers })
}

/**
 * Payload's read handler, answering shared requests with Cache-Control, an ETag and 304 Not Modified
 * for a matching If-None-Match, and everything else with NOT_STORED. The ETag is the one the handler
 * gave (a storage adapter's), else a hash of the body. Partial files (206) pass as they are.
 */
const cacheableRead =
  (read: PayloadHandler): PayloadHandler =>
  async (req) => {
    const shared = isShared(req)
    let response: Response
    try {
      response = await read(req)
    } catch (error) {
      // Payload's error answer (routeError) adds req.responseHeaders.
      req.responseHeaders ??= new Headers()
      req.responseHeaders.set('Cache-Control', NOT_STORED)
      throw error
    }
    const headers = new Headers(response.headers)
    if (!shared || response.status >= 400) {
      headers.set('Cache-Control', NOT_STORED)
      return withHeaders(response, headers)
    }
    if (response.status !== 200 && response.status !== 304) return response
    headers.set('Cache-Control', PUBLIC_CACHE_CONTROL)
    for (const name of VARY) if (!headers.get('Vary')?.toLowerCase().includes(name.toLowerCase())) headers.append('Vary', name)
    if (response.status === 304) return withHeaders(response, headers)
    let body: ArrayBuffer | undefined
    if (!headers.has('ETag')) {
      body = await response.arrayBuffer()
      headers.set('ETag', `"${createHash('sha256').update(new Uint8Array(body)).digest('base64url')}"`)
    }
    if (ifNoneMatchNames(req.headers.get('if-none-match'), headers.get('ETag')!)) {
      if (!body) await response.body?.cancel()
      headers.delete('Content-Length')
      headers.delete('Content-Type')
      return withHeaders(response, headers, null, 304)
    }
    return withHeaders(response, headers, body ?? response.body)
  }

/** Whether publicCaching has made this collection's reads cacheable (the OpenAPI document says so). */
export const isPubliclyCached = ({ endpoints }: SanitizedCollectionConfig): boolean =>
  Boolean(endpoints && endpoints.some((endpoint: Endpoint & { [WRAPPED]?: true }) => endpoint[WRAPPED]))

/**
 * Makes Payload's REST reads of these collections cheap and cacheable: `GET /api/<slug>`,
 * `/api/<slug>/:id` and, for uploads, `/api/<slug>/file/:filename`. Only for collections whose
 * signed-out answers are meant for everyone (published content, public media).
 *
 * Payload adds its own endpoints to a collection only when it sanitizes the config, after the
 * plugins; a custom GET /:id in front of them would also catch /count and /versions. So the built-in
 * handlers are wrapped where Payload keeps them, once it has started (docs/upgrading.md, entry 13).
 */
export const publicCaching =
  ({ collections }: { collections: CollectionSlug[] }): Plugin =>
  (config) => ({
    ...config,
    onInit: async (payload) => {
      assertPinnedVersion('payload', '3.90.1', 'src/plugins/publicCaching.ts')
      for (const slug of collections) {
        const collection = payload.collections[slug]
        if (!collection) throw new Error(`publicCaching: there is no collection "${slug}".`)
        const { endpoints, upload } = collection.config
        for (const path of upload ? READS : READS.filter((read) => !read.startsWith('/file/'))) {
          const index = endpoints ? endpoints.findIndex((endpoint) => endpoint.method === 'get' && endpoint.path === path) : -1
          if (!endpoints || index === -1) throw new Error(`publicCaching: Payload no longer has GET ${path} on "${slug}".`)
          const endpoint: Endpoint & { [WRAPPED]?: true } = endpoints[index]
          // Several Payload instances can start from one config; the wrapped endpoint is replaced,
          // not changed: Payload's default endpoint objects are shared by every collection.
          if (!endpoint[WRAPPED]) endpoints[index] = { ...endpoint, handler: cacheableRead(endpoint.handler), [WRAPPED]: true } as Endpoint
        }
      }
      await config.onInit?.(payload)
    },
  })
