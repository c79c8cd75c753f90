import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

export type SqlExecutor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * Where raw SQL for this request runs: inside the request's transaction when it has one (so it
 * commits or rolls back with the rest), otherwise on the pool.
 */
export async function requestDatabase(payload: Payload, req?: PayloadRequest): Promise<SqlExecutor> {
  const adapter = payload.db as unknown as PostgresAdapter
  const transactionID = req ? await req.transactionID : undefined
  const session = transactionID === undefined ? undefined : adapter.sessions?.[transactionID]
  return (session?.db ?? adapter.drizzle) as unknown as SqlExecutor
}

/** Whether the request runs in a transaction, which a transaction-scoped lock needs. */
export const inTransaction = async (req: PayloadRequest) => {
  const transactionID = await req.transactionID
  return transactionID !== undefined && Boolean((req.payload.db as unknown as PostgresAdapter).sessions?.[transactionID])
}
