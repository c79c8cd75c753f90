import type { CollectionBeforeChangeHook } from 'payload'

/** The very first account (created from /admin/create-first-user or the seed) must be able to manage the rest. */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
