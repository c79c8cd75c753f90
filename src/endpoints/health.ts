import type { Endpoint } from 'payload'

import { pingDatabase } from '@/db/databaseUnavailable'
import { RETRY_AFTER_S } from '@/lib/constants'

const DATABASE_TIMEOUT_MS = 2000

/** GET /api/health: for load balancers and uptime checks; 503 while PostgreSQL does not answer. */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const started = Date.now()
    try {
      await pingDatabase(req.payload.db.pool, DATABASE_TIMEOUT_MS)
      return Response.json(
        { status: 'ok', database: 'ok', databaseMs: Date.now() - started },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'health check: database unreachable' })
      return Response.json(
        { status: 'error', database: 'unreachable' },
        { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_S.databaseUnavailable) } },
      )
    }
  },
  custom: {
    openapi: {
      tags: ['Operations'],
      summary: 'Health: 200 while the database answers, 503 otherwise',
      security: [],
      responses: {
        200: { description: 'Healthy' },
        503: {
          description: 'Database unreachable',
          headers: { 'Retry-After': { description: 'Seconds before checking again', schema: { type: 'integer' } } },
        },
      },
    },
  },
}
