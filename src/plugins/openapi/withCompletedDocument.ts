import type { Plugin } from 'payload'

import { completeDocument } from './completeDocument'

/**
 * Wraps payload-oapi's plugin so that GET /api/<specPath> serves the document completed by
 * ./completeDocument.ts instead of the one it generates.
 */
export const withCompletedDocument =
  (openapiPlugin: Plugin, specPath = '/openapi.json'): Plugin =>
  async (config) => {
    const configured = await openapiPlugin(config)
    return {
      ...configured,
      endpoints: (configured.endpoints ?? []).map((endpoint) =>
        endpoint.path === specPath && endpoint.method === 'get'
          ? {
              ...endpoint,
              handler: async (req) => {
                const generated = await endpoint.handler(req)
                return Response.json(await completeDocument(await generated.json(), req.payload))
              },
            }
          : endpoint,
      ),
    }
  }
