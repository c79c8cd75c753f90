import { sql } from '@payloadcms/db-postgres/drizzle'
import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

import { relationId } from '@/lib/relationId'
import { requestTransaction } from '@/lib/requestDatabase'

type Existing = { id: number; status?: string | null }

/**
 * One submission per email address per event. The collection's unique index is the guarantee;
 * this hook turns a duplicate into a friendly error on `email` (after `onDuplicate`, e.g. telling
 * the address). Identical requests arriving together queue on a transaction-scoped advisory
 * lock, so the second one sees the first's row instead of tripping the index. An `expired`
 * submission (never confirmed) does not count: it is replaced by the new one.
 */
export const preventDuplicateSubmission =
  (
    message: string,
    onDuplicate?: (existing: Existing, data: { email: string; event: number }, req: PayloadRequest) => Promise<void>,
  ): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, req }) => {
    if (operation !== 'create' || typeof data.email !== 'string' || !data.event) return data
    const event = relationId(data.event)
    if (event === undefined) return data
    await lockUntilCommit(req, `${collection.slug}:${event}:${data.email}`)
    const { docs } = await req.payload.find({
      collection: collection.slug,
      where: { and: [{ event: { equals: event } }, { email: { equals: data.email } }] },
      limit: 1,
      pagination: false, // no count query
      depth: 0,
      select: { status: true },
      overrideAccess: true,
      req,
    })
    const existing = docs[0] as Existing | undefined
    if (existing?.status === 'expired') {
      await req.payload.delete({ collection: collection.slug, id: existing.id, overrideAccess: true, req })
    } else if (existing) {
      await onDuplicate?.(existing, { email: data.email, event }, req)
      throw new ValidationError({ collection: collection.slug, errors: [{ path: 'email', message }], req })
    }
    return data
  }

async function lockUntilCommit(req: PayloadRequest, key: string): Promise<void> {
  // Without a transaction there is nothing to hold the lock for; the unique index still decides.
  const transaction = await requestTransaction(req.payload, req)
  await transaction?.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`)
}
