import {
  type CollectionSlug,
  type Field,
  type FieldHook,
  type Payload,
  type TextareaField,
  type TextField,
  validations,
} from 'payload'

import { canReadPII } from '@/access/fields/canReadPII'
import { decryptFieldValue, encryptFieldValue, FieldDecryptionError, isEncryptedValue } from '@/lib/fieldEncryption'

import { dataFields } from './dataFields'

/** Marks a field encrypted in its `custom`, for the query guard, the rotation script and exports. */
const ENCRYPTED = 'encrypted'

type Logger = Payload['logger']

/**
 * What a reader is shown of a stored value: its plaintext, or null when it cannot be decrypted
 * (a key no longer configured, an altered value). One bad value must not fail the whole
 * document; the log line names the field and the key id, never the value.
 */
export function readableValue(stored: unknown, where: { collection: string; field: string; id?: unknown; logger: Logger }): unknown {
  if (typeof stored !== 'string') return stored
  try {
    return decryptFieldValue(stored)
  } catch (error) {
    if (!(error instanceof FieldDecryptionError)) throw error
    where.logger.error({ msg: `${where.collection}.${where.field} shown as null: ${error.message}`, collection: where.collection, field: where.field, id: where.id, keyId: error.keyId })
    return null
  }
}

/** For validation only: the plaintext the rules judge, the raw value when it is not ours to open. */
const plaintextOf = (value: unknown): unknown => {
  if (!isEncryptedValue(value)) return value
  try {
    return decryptFieldValue(value)
  } catch {
    return value
  }
}

const seal: FieldHook = ({ value }) => (typeof value === 'string' && value !== '' ? encryptFieldValue(value) : value)

/**
 * Decrypted only for a reader the field's read rule admits (Payload runs afterRead hooks before
 * field access, which then removes the value for everyone else).
 */
const unseal: FieldHook = async ({ collection, data, field, overrideAccess, path, req, siblingData, value }) => {
  if (!isEncryptedValue(value)) return value
  const rule = 'access' in field ? field.access?.read : undefined
  const mayRead = overrideAccess || !rule || (await rule({ id: data?.id, data, doc: data, req, siblingData }))
  if (!mayRead) return value
  return readableValue(value, { collection: collection?.slug ?? 'unknown', field: path.join('.'), id: data?.id, logger: req.payload.logger })
}

/**
 * A text or textarea field stored encrypted (AES-256-GCM, src/lib/fieldEncryption.ts): health
 * data and the like. Personal data, so read only by canReadPII unless the field says otherwise.
 *
 * Payload 3.90.1 runs a field's beforeChange hooks before its `validate`
 * (payload/dist/fields/hooks/beforeChange/promise.js), and nothing between validation and the
 * write: the value is encrypted in beforeChange, and `validate` opens it again so that maxLength
 * and the other rules judge what the person typed, not the ciphertext.
 *
 * An encrypted column cannot be searched, filtered or sorted on (refuseEncryptedFieldQueries).
 * Whatever a client sends is plaintext, encrypted as it comes; code must not write back values
 * it read from the database directly (decryptStoredFields reads them).
 */
export function encrypted<F extends TextareaField | TextField>(field: F): F {
  const rule = (field.validate ?? validations[field.type]) as (value: unknown, options: unknown) => ReturnType<NonNullable<F['validate']>>
  return {
    ...field,
    access: { ...field.access, read: field.access?.read ?? canReadPII },
    admin: { ...field.admin, disableListFilter: true },
    custom: { ...field.custom, [ENCRYPTED]: true },
    hooks: {
      ...field.hooks,
      beforeChange: [...(field.hooks?.beforeChange ?? []), seal],
      afterRead: [unseal, ...(field.hooks?.afterRead ?? [])],
    },
    validate: ((value: unknown, options: unknown) => rule(plaintextOf(value), options)) as F['validate'],
  }
}

/** The names of a collection's encrypted fields (top level and in rows). */
export const encryptedFieldNames = (fields: Field[]): string[] =>
  dataFields(fields)
    .filter((field) => field.custom?.[ENCRYPTED] === true)
    .map((field) => field.name)

/**
 * A document read without afterRead hooks (a raw query, `db.find`) with its encrypted fields
 * decrypted: for code that reads rows itself, such as a data-subject export. Checks no access:
 * the caller decides who may see the result.
 */
export function decryptStoredFields<T extends Record<string, unknown>>(payload: Payload, collection: CollectionSlug, doc: T): T {
  const names = encryptedFieldNames(payload.collections[collection].config.fields)
  const decrypted: Record<string, unknown> = { ...doc }
  for (const name of names) {
    if (name in doc) decrypted[name] = readableValue(doc[name], { collection, field: name, id: doc.id, logger: payload.logger })
  }
  return decrypted as T
}
