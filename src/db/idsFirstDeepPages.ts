import type { DatabaseAdapterObj, TypeWithID } from 'payload'

/** From this many rows skipped on, a page is found ids first. */
const IDS_FIRST_FROM_OFFSET = 1000

/**
 * Deep pages of large lists (registrations), fast. The PostgreSQL adapter reads hasMany selects
 * and arrays through one lateral subquery per row, and PostgreSQL runs it for every row the
 * OFFSET skips too: page 1,000 of 100,000 registrations took a second. Here such a page of one of
 * `slugs` is read in two steps: the ids of the page (an index scan on ./createdAtIdIndex.ts, no
 * side tables), then the full rows of just those ids, put back in the page's order. Same
 * documents, same pagination figures. Wraps the adapter's `find`, whose arguments and answer are
 * the adapter contract of Payload 3 (pinned in ./databaseAdapter.ts).
 */
export function idsFirstDeepPages<Adapter extends DatabaseAdapterObj>(slugs: readonly string[], adapterObj: Adapter): Adapter {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const find = adapter.find.bind(adapter)
      adapter.find = async <T = TypeWithID>(findArgs: Parameters<typeof find>[0]) => {
        const { collection, limit = 10, page = 1 } = findArgs
        if (!slugs.includes(collection) || !limit || (page - 1) * limit < IDS_FIRST_FROM_OFFSET) return find<T>(findArgs)
        const pageOfIds = await find<TypeWithID>({ ...findArgs, select: { id: true } })
        if (!pageOfIds.docs.length) return pageOfIds as never
        const ids = pageOfIds.docs.map(({ id }) => id)
        const { docs } = await find<TypeWithID>({ ...findArgs, where: { id: { in: ids } }, page: 1, limit: 0, pagination: false })
        const byId = new Map(docs.map((doc) => [doc.id, doc]))
        return { ...pageOfIds, docs: ids.flatMap((id) => byId.get(id) ?? []) as T[] }
      }
      return adapter
    },
  }
}
