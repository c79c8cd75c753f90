import { sql } from '@payloadcms/db-postgres/drizzle'
import { uniqueIndex } from '@payloadcms/db-postgres/drizzle/pg-core'

import { type SchemaHook, tableName } from '@/db/schemaHook'

import { SUBMISSION_FORMS } from '@/submissions'
import { statusesHoldingNoPlace } from './statusesHoldingNoPlace'

const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`

/**
 * The guarantee behind each form's one-per-email rule: a unique index on (event, email) over the
 * submissions that hold a place. A partial index, because a submission caught by the honeypot (or a
 * registration that expired unconfirmed) is kept but must not take the address from the person
 * who sends it for real. A collection's `indexes` cannot be partial, hence a schema hook.
 */
export const onePerEmailIndexes: SchemaHook = ({ extendTable, schema }) => {
  for (const { slug, contact, onePerEmail, statuses } of SUBMISSION_FORMS) {
    if (!onePerEmail) continue
    const name = tableName(slug)
    const free = sql.raw(statusesHoldingNoPlace(statuses).map(quoted).join(', '))
    extendTable({
      table: schema.tables[name],
      extraConfig: (table) => ({
        [`${name}OnePerEmailIdx`]: uniqueIndex(`${name}_one_per_email_idx`)
          .on(table.event, table[contact.email])
          .where(sql`${table.status} not in (${free})`),
      }),
    })
  }
  return schema
}
