import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  Plugin,
} from 'payload'

import { changedFields } from '@/audit/changedFields'
import { recordAudit } from '@/audit/recordAudit'
import { statusBeforeSave } from '@/submissions/workflow/statusBeforeSave'

// Choice fields whose before and after say what happened without saying anything about a person.
const STATUS_FIELDS = ['status', '_status'] as const

const passwordKey = (slug: string, id: number | string) => `${slug}:${id}`

const rememberPasswordChange: CollectionBeforeChangeHook = ({ collection, data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc && typeof data.password === 'string' && data.password) {
    ;(req.context.passwordSaved ??= new Set()).add(passwordKey(collection.slug, originalDoc.id))
  }
  return data
}

const recordChange: CollectionAfterChangeHook = async ({ collection, data, doc, operation, previousDoc, req }) => {
  if (req.context.skipAudit) return doc
  if (operation === 'create') {
    await recordAudit(req, { action: 'create', collection: collection.slug, documentId: doc.id })
    return doc
  }
  const before = { ...previousDoc }
  // A submission's status as read with its row locked: previousDoc may predate a concurrent save.
  const lockedStatus = statusBeforeSave(req, collection.slug, doc.id)
  if (lockedStatus !== undefined) before.status = lockedStatus
  const fields = changedFields(collection.flattenedFields, before, data, doc)
  if (req.context.passwordSaved?.has(passwordKey(collection.slug, doc.id))) fields.push('password')
  if (!fields.length) return doc
  const detail = Object.fromEntries(
    STATUS_FIELDS.filter((name) => fields.includes(name)).map((name) => [name, { from: before[name] ?? null, to: data?.[name] ?? doc[name] ?? null }]),
  )
  await recordAudit(req, {
    action: 'update',
    collection: collection.slug,
    documentId: doc.id,
    fields,
    detail: Object.keys(detail).length ? detail : undefined,
  })
  return doc
}

const recordDeletion: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  if (req.context.skipAudit) return
  await recordAudit(req, { action: 'delete', collection: collection.slug, documentId: id })
}

/**
 * An audit-log entry for every create, update (the names of the fields changed) and delete, in the
 * change's own transaction, on every collection but those in `except` and Payload's own (added
 * after plugins run, but named `payload-*` in any case). Last among the plugins, so that it sees
 * every collection.
 */
export const auditLog =
  ({ except }: { except: readonly string[] }): Plugin =>
  (config) => ({
    ...config,
    collections: (config.collections ?? []).map((collection): CollectionConfig =>
      except.includes(collection.slug) || collection.slug.startsWith('payload-')
        ? collection
        : {
            ...collection,
            hooks: {
              ...collection.hooks,
              beforeChange: [...(collection.hooks?.beforeChange ?? []), ...(collection.auth ? [rememberPasswordChange] : [])],
              afterChange: [...(collection.hooks?.afterChange ?? []), recordChange],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), recordDeletion],
            },
          },
    ),
  })
