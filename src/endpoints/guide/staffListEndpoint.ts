import type { Endpoint } from 'payload'

import { checkRole } from '@/access/checkRole'
import { toSnakeCase } from '@/lib/caseConversion'
import { guideErrorAnswer } from '@/plugins/openapi/errorAnswers'
import type { SubmissionSlug } from '@/submissions'
import type { SubmissionForm } from '@/submissions/SubmissionForm'

import { errorResponse, failure } from './envelope'

const PAGE_SIZE = 50
const MAX_PAGE_SIZE = 100

const snakeKeys = (doc: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(doc).map(([key, value]) => [toSnakeCase(key), value]))

/**
 * GET /api/admin/<name>/?page=N[&page_size=M] for staff: the guide's paginated list, newest first,
 * in Django REST framework's page shape {count, next, previous, results}, snake_case fields.
 */
export const staffListEndpoint = ({ slug: collection, guide }: SubmissionForm<SubmissionSlug>): Endpoint => ({
  path: guide.listPath,
  method: 'get',
  handler: async (req) => {
    if (!req.user) return failure(401, [{ field: null, message: 'Authentication credentials were not provided.' }])
    if (!checkRole(['admin', 'staff'], req.user))
      return failure(403, [{ field: null, message: 'You do not have permission to perform this action.' }])
    try {
      const url = new URL(req.url!)
      const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
      const requestedSize = Number.parseInt(url.searchParams.get('page_size') ?? '', 10)
      const limit = requestedSize > 0 ? Math.min(requestedSize, MAX_PAGE_SIZE) : PAGE_SIZE
      const result = await req.payload.find({
        collection,
        page,
        limit,
        sort: ['-createdAt', '-id'],
        depth: 0,
        overrideAccess: false,
        req,
      })
      if (page > 1 && page > result.totalPages)
        return failure(404, [{ field: 'page', message: 'Invalid page.' }])
      const pageUrl = (target: number) => {
        const next = new URL(url)
        next.searchParams.set('page', String(target))
        return next.toString()
      }
      return Response.json({
        count: result.totalDocs,
        next: result.hasNextPage ? pageUrl(page + 1) : null,
        previous: result.hasPrevPage ? pageUrl(page - 1) : null,
        results: result.docs.map((doc) => snakeKeys(doc as unknown as Record<string, unknown>)),
      })
    } catch (error) {
      return errorResponse(error, req)
    }
  },
  custom: {
    openapi: {
      tags: ['Guide endpoints'],
      summary: `List ${collection} for staff, 50 a page, newest first`,
      parameters: [
        { in: 'query', name: 'page', schema: { type: 'integer', minimum: 1 } },
        { in: 'query', name: 'page_size', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE } },
      ],
      responses: {
        200: {
          description: 'One page, in Django REST framework’s shape, fields in snake_case',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  count: { type: 'integer' },
                  next: { type: ['string', 'null'] },
                  previous: { type: ['string', 'null'] },
                  results: { type: 'array', items: { type: 'object' } },
                },
              },
            },
          },
        },
        401: guideErrorAnswer(401, 'Not signed in'),
        403: guideErrorAnswer(403, 'Signed in without the staff or admin role'),
        404: guideErrorAnswer(404, 'A `page` past the last one'),
        503: guideErrorAnswer(503),
      },
    },
  },
})
