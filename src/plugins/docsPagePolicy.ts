import { createHash } from 'node:crypto'
import type { Endpoint, Plugin } from 'payload'

import { cspOf } from '@/lib/securityHeaders.mjs'

/** Where payload-oapi's Swagger UI page loads its script and style from (src/plugins/index.ts). */
const SWAGGER_UI_CDN = 'https://cdn.jsdelivr.net/npm/swagger-ui@5.20.0/'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/**
 * GET /api/docs is payload-oapi's page: Swagger UI from a CDN, started by an inline script that
 * names this server's host, so its hash is taken from each page as sent. Without a policy of its
 * own it would get /api's, which lets nothing run.
 */
const withDocsPolicy = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  handler: async (req) => {
    const page = await endpoint.handler(req)
    const html = await page.text()
    const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, script]) => sha256(script))
    const policy = cspOf({
      'default-src': ["'none'"],
      'script-src': [SWAGGER_UI_CDN, ...inlineScripts],
      // Swagger UI styles its elements by attribute as it renders them.
      'style-src': [SWAGGER_UI_CDN, "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'form-action': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    })
    const headers = new Headers(page.headers)
    headers.set('Content-Security-Policy', policy)
    return new Response(html, { status: page.status, headers })
  },
})

/** Gives the API docs page (the endpoint at `docsPath`) the policy it needs; goes after the plugin adding it. */
export const docsPagePolicy =
  (docsPath: string): Plugin =>
  (config) => ({
    ...config,
    endpoints: (config.endpoints ?? []).map((endpoint) => (endpoint.path === docsPath ? withDocsPolicy(endpoint) : endpoint)),
  })
