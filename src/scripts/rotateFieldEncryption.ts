/**
 * npm run encryption:rotate: re-encrypts every encrypted field (src/fields/encrypted.ts) under
 * the current FIELD_ENCRYPTION_KEY, in batches: values under a previous key (still listed in
 * FIELD_ENCRYPTION_PREVIOUS_KEYS) and plaintext written before the field was encrypted. Safe to
 * run again, and while the app runs: a value changed meanwhile is left to the app's own write.
 * Exits 1 when some value could not be decrypted (left as it is): keep the previous keys until
 * it can. Procedure: docs/security.md, "Encrypted fields".
 */
import { sql } from '@payloadcms/db-postgres/drizzle'
import { getPayload, type Payload } from 'payload'

import { tableName } from '@/db/schemaHook'
import { encryptedFieldNames } from '@/fields/encrypted'
import { toSnakeCase } from '@/lib/caseConversion'
import { currentFieldKeyId, currentKeyPrefix, decryptFieldValue, encryptFieldValue, FieldDecryptionError } from '@/lib/fieldEncryption'
import { intEnv } from '@/lib/env'

import config from '../../payload.config'

const BATCH_SIZE = intEnv('ENCRYPTION_ROTATE_BATCH_SIZE', 500)

type Tally = { reencrypted: number; unreadable: Map<string, number> }

async function rotateCollection(payload: Payload, slug: string, fields: string[], tally: Tally): Promise<void> {
  const table = sql.identifier(tableName(slug))
  const columns = fields.map((field) => sql.identifier(toSnakeCase(field)))
  const current = currentKeyPrefix()
  // Rows with a value not yet under the current key; ones that stay unreadable are skipped past by id.
  const stale = sql.join(
    columns.map((column) => sql`(${column} <> '' and ${column} not like ${`${current}%`})`),
    sql` or `,
  )
  let afterId = 0
  for (;;) {
    const { rows } = await payload.db.drizzle.execute(sql`
      select id, ${sql.join(columns, sql`, `)} from ${table}
      where id > ${afterId} and (${stale}) order by id limit ${BATCH_SIZE}`)
    if (!rows.length) return
    await payload.db.drizzle.transaction(async (transaction) => {
      for (const row of rows) {
        for (const [index, field] of fields.entries()) {
          const stored = row[toSnakeCase(field)]
          if (typeof stored !== 'string' || stored === '' || stored.startsWith(current)) continue
          let plaintext: string
          try {
            plaintext = decryptFieldValue(stored)
          } catch (error) {
            if (!(error instanceof FieldDecryptionError)) throw error
            tally.unreadable.set(error.keyId, (tally.unreadable.get(error.keyId) ?? 0) + 1)
            continue
          }
          const column = columns[index]
          const { rowCount } = await transaction.execute(
            sql`update ${table} set ${column} = ${encryptFieldValue(plaintext)} where id = ${row.id} and ${column} = ${stored}`,
          )
          tally.reencrypted += rowCount ?? 0
        }
      }
    })
    afterId = Number(rows[rows.length - 1].id)
    payload.logger.info(`encryption:rotate: ${slug} up to id ${afterId}`)
  }
}

async function main() {
  const payload = await getPayload({ config })
  const tally: Tally = { reencrypted: 0, unreadable: new Map() }
  for (const collection of payload.config.collections) {
    const fields = encryptedFieldNames(collection.fields)
    if (fields.length) await rotateCollection(payload, collection.slug, fields, tally)
  }
  payload.logger.info(`encryption:rotate: ${tally.reencrypted} values re-encrypted under key ${currentFieldKeyId()}`)
  await payload.destroy()
  if (tally.unreadable.size) {
    const keys = [...tally.unreadable].map(([keyId, count]) => `${count} under key ${keyId}`).join(', ')
    throw new Error(`encryption:rotate: values that could not be decrypted were left as they are (${keys}): keep FIELD_ENCRYPTION_PREVIOUS_KEYS until they can be.`)
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
