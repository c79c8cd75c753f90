import { type SQL, sql } from '@payloadcms/db-postgres/drizzle'

import type { SqlExecutor } from '@/db/requestDatabase'
import { tableName } from '@/db/schemaHook'
import { dataFields } from '@/fields/dataFields'
import { toSnakeCase } from '@/lib/caseConversion'

import type { SubmissionForm } from './SubmissionForm'
import { submissionFields } from './submissionCollection'

/** What a required name or other required text says once the person's data is gone. */
export const ANONYMISED_TEXT = 'Anonymised'

/** Nigeria's toll-free 0800 000 0000: a valid number, so the document still saves, and no one's own line. */
export const ANONYMISED_PHONE = '+2348000000000'

/** Rows per UPDATE: a few thousand submissions of an event take a handful of statements. */
const BATCH_SIZE = 500

export type AnonymisedCounts = { submissions: number; outboxEmails: number }

/**
 * What each personal field becomes: null where the form lets it be empty, a neutral placeholder
 * where the schema needs a value. The email is one per row (`anonymised-<id>@anonymised.invalid`,
 * a domain that never delivers) so the one-per-email unique index still holds; the title field
 * reads "Anonymised" in the admin's list rather than an empty cell.
 */
function placeholder(form: SubmissionForm, field: { name: string; type: string; required?: boolean }): SQL {
  if (field.type === 'email') return sql`'anonymised-' || submission.id || '@anonymised.invalid'`
  if (field.name === form.contact.phone) return sql`${ANONYMISED_PHONE}`
  if (field.required || field.name === form.titleField) return sql`${ANONYMISED_TEXT}`
  return sql`null`
}

/**
 * Replaces the personal fields (form.personal) of a form's submissions matching `scope` (a SQL
 * condition on its table, e.g. sql`event_id = ${id}`) and deletes their outbox emails, which hold
 * the address and a subject with the name. Everything else of the row stays: status, event,
 * dates, choices, consents, numbers, the hasMany answers in their own tables.
 *
 * Set-based SQL in batches of BATCH_SIZE, in the caller's transaction (`database`), rather than
 * payload.update per row. What that skips, on purpose: the field hooks and validation (the
 * placeholders are already canonical and valid, see tests/int/retention.int.spec.ts), the status
 * workflow and the one-per-email check (status and event do not change, the email is unique per
 * row), fillFullName (the name is set here), holdPlaceOrWaitlist and offerFreedPlace (no place is
 * taken, freed or offered), and the emails a change would queue: anonymising must not write to
 * anyone or move anything.
 */
export async function anonymiseSubmissions(database: SqlExecutor, form: SubmissionForm, scope: SQL): Promise<AnonymisedCounts> {
  const fields = new Map(dataFields(submissionFields(form)).map((field) => [field.name, field]))
  const assignments = sql.join(
    form.personal.map((name) => sql`${sql.identifier(toSnakeCase(name))} = ${placeholder(form, fields.get(name)!)}`),
    sql`, `,
  )
  const table = sql.identifier(tableName(form.slug))
  const outboxColumn = sql.identifier(`${tableName(form.slug)}_id`)
  const counts: AnonymisedCounts = { submissions: 0, outboxEmails: 0 }
  for (let after = 0; ; ) {
    const { rows } = await database.execute(sql`
      with batch as (
        select id from ${table} where ${scope} and id > ${after} order by id limit ${BATCH_SIZE}
      ), anonymised as (
        update ${table} as submission set ${assignments}, updated_at = now()
        from batch where submission.id = batch.id
        returning submission.id
      ), emails as (
        delete from email_outbox where id in (
          select parent_id from email_outbox_rels join batch on email_outbox_rels.${outboxColumn} = batch.id
          where email_outbox_rels.path = 'submission')
        returning id
      )
      select (select max(id) from anonymised) as last,
        (select count(*) from anonymised)::int as submissions,
        (select count(*) from emails)::int as emails`)
    const { last, submissions, emails } = rows[0] as { last: number | null; submissions: number; emails: number }
    counts.submissions += submissions
    counts.outboxEmails += emails
    if (submissions < BATCH_SIZE || last === null) return counts
    after = last
  }
}
