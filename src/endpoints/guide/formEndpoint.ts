import type { CollectionSlug, Endpoint } from 'payload'

import { errorResponse, success } from './envelope'
import { readFormBody } from './readFormBody'

/**
 * POST /api/<path>/ for a frontend written against the requirements guide: snake_case fields in,
 * the guide's envelope out. It creates through the collection with the caller's own access, so
 * every rule, hook and limit of the collection applies exactly as over REST or GraphQL.
 */
export const formEndpoint = ({
  path,
  collection,
  message,
}: {
  path: string
  collection: CollectionSlug
  message: string
}): Endpoint => ({
  path,
  method: 'post',
  handler: async (req) => {
    try {
      const data = await readFormBody(req, req.payload.collections[collection].config.flattenedFields)
      const doc = await req.payload.create({ collection, data: data as never, req, overrideAccess: false, depth: 0 })
      return success(message, { id: doc.id }, 201)
    } catch (error) {
      return errorResponse(error, req)
    }
  },
})
