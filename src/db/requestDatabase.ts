import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

export type SqlExecutor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * The request's open transaction, to run raw SQL in it; undefined when it has none. Read from the
 * adapter's `sessions` (an internal of @payloadcms/drizzle, pinned in ./databaseAdapter.ts).
 */
export async function requestTransaction(req: PayloadRequest): Promise<SqlExecutor | undefined> {
  const transactionID = await req.transactionID
  if (transactionID === undefined) return undefined
  return (req.payload.db as unknown as PostgresAdapter).sessions?.[transactionID]?.db as unknown as SqlExecutor | undefined
}

/**
 * Where raw SQL for this request runs: inside the request's transaction when it has one (so it
 * commits or rolls back with the rest), otherwise on the pool.
 */
export async function requestDatabase(payload: Payload, req?: PayloadRequest): Promise<SqlExecutor> {
  return (req && (await requestTransaction(req))) ?? ((payload.db as unknown as PostgresAdapter).drizzle as unknown as SqlExecutor)
}
