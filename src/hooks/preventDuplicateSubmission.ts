import { sql } from '@payloadcms/db-postgres/drizzle'
import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

/**
 * One submission per email address per event. The collection's unique index is the guarantee;
 * this hook turns a duplicate into a friendly error on `email`. Identical requests arriving
 * together queue on a transaction-scoped advisory lock, so the second one sees the first's row
 * instead of tripping the index.
 */
export const preventDuplicateSubmission =
  (message: string): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, req }) => {
    if (operation !== 'create' || typeof data.email !== 'string' || !data.event) return data
    const event = typeof data.event === 'object' ? data.event.id : data.event
    await lockUntilCommit(req, `${collection.slug}:${event}:${data.email}`)
    const { totalDocs } = await req.payload.count({
      collection: collection.slug,
      where: { and: [{ event: { equals: event } }, { email: { equals: data.email } }] },
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) {
      throw new ValidationError({ collection: collection.slug, errors: [{ path: 'email', message }], req })
    }
    return data
  }

async function lockUntilCommit(req: PayloadRequest, key: string): Promise<void> {
  const transactionID = await req.transactionID
  const session = transactionID === undefined ? undefined : req.payload.db.sessions?.[transactionID]
  // Without a transaction there is nothing to hold the lock for; the unique index still decides.
  if (!session) return
  const transaction = session.db as { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }
  await transaction.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`)
}
