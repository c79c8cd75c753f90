import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { requestDatabase } from '@/db/requestDatabase'
import { tableName } from '@/db/schemaHook'
import { SPAM_STATUS } from '@/lib/choices'
import type { SubmissionSlug } from '@/submissions'

/** How many rows hold each status; a status with no rows is absent. */
export type StatusCounts = Record<string, number>

/** Registrations received on one day of the event's time zone, and that day's bounds as instants. */
export type DayCount = { day: string; count: number; startsAt: string; endsAt: string }

// Each card of the dashboard is one aggregate query (GROUP BY) over the event's rows: the counts
// come from PostgreSQL, no document is loaded. Tables and columns are the ones the migrations
// made from the collections (snake_case of the slug, relation columns such as event_id).

/** A form's submissions for the event, by status (spam and every other status included). */
export async function countSubmissionsByStatus(payload: Payload, slug: SubmissionSlug, eventId: number): Promise<StatusCounts> {
  return (await countFormsByStatus(payload, [slug], eventId))[slug]
}

/** Several forms' submissions for the event, by form and status, in one query. */
export async function countFormsByStatus(
  payload: Payload,
  slugs: readonly SubmissionSlug[],
  eventId: number,
): Promise<Record<string, StatusCounts>> {
  const counts: Record<string, StatusCounts> = Object.fromEntries(slugs.map((slug) => [slug, {}]))
  if (!slugs.length) return counts
  const perForm = slugs.map(
    (slug) => sql`
      select ${slug}::text as form, status::text as status, count(*)::int as count
      from ${sql.identifier(tableName(slug))}
      where event_id = ${eventId}
      group by status`,
  )
  const database = await requestDatabase(payload)
  const { rows } = await database.execute(sql.join(perForm, sql` union all `))
  for (const row of rows) counts[String(row.form)][String(row.status)] = Number(row.count)
  return counts
}

/** The event's emails in the outbox, by status (queued, sending, sent, failed). */
export async function countOutboxByStatus(payload: Payload, eventId: number): Promise<StatusCounts> {
  const database = await requestDatabase(payload)
  const { rows } = await database.execute(sql`
    select status, count(*)::int as count
    from email_outbox
    where event_id = ${eventId}
    group by status`)
  return Object.fromEntries(rows.map((row) => [String(row.status), Number(row.count)]))
}

/**
 * The event's registrations per day, days counted in `timeZone` (a registration at 23:30 UTC is
 * on the next day in Africa/Lagos), spam left out (bots would drown the real curve; the status
 * card counts it). Only days with registrations are returned, oldest first. Each day's bounds
 * are computed by PostgreSQL too, so a list link covers exactly the registrations counted.
 */
export async function countRegistrationsPerDay(payload: Payload, eventId: number, timeZone: string): Promise<DayCount[]> {
  const utcIso = (instant: ReturnType<typeof sql>) => sql`to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
  const database = await requestDatabase(payload)
  const { rows } = await database.execute(sql`
    select to_char(day, 'YYYY-MM-DD') as day, count(*)::int as count,
      ${utcIso(sql`day::timestamp at time zone ${timeZone}`)} as starts_at,
      ${utcIso(sql`(day + 1)::timestamp at time zone ${timeZone}`)} as ends_at
    from (
      select (created_at at time zone ${timeZone})::date as day
      from registrations
      where event_id = ${eventId} and status <> ${SPAM_STATUS.value}
    ) as received
    group by day
    order by day`)
  return rows.map((row) => ({
    day: String(row.day),
    count: Number(row.count),
    startsAt: String(row.starts_at),
    endsAt: String(row.ends_at),
  }))
}
