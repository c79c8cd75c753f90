import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { stalledAfterSeconds } from './stalledAfterSeconds'

type Rows = { rows: { id: number }[] }

/**
 * Payload marks a job `processing` while it runs and never looks at it again if that process is
 * killed. Jobs left processing far longer than any task takes go back to the queue; their tasks
 * are idempotent (the email outbox makes sure nothing is sent twice).
 */
export async function releaseStalledJobs(payload: Payload): Promise<number> {
  const { rows } = (await payload.db.drizzle.execute(sql`
    update payload_jobs set processing = false, updated_at = now()
    where processing and completed_at is null
      and updated_at < now() - make_interval(secs => ${stalledAfterSeconds()})
    returning id`)) as unknown as Rows
  if (rows.length) {
    payload.logger.warn({ msg: `released ${rows.length} stalled job(s) left by a stopped process`, jobs: rows.map((row) => row.id) })
  }
  return rows.length
}

let checkedAt = 0
/** Before a round of jobs, at most once a minute (or once per stall time, if shorter). */
export async function releaseStalledJobsNow(payload: Payload): Promise<void> {
  if (Date.now() - checkedAt < Math.min(60, stalledAfterSeconds()) * 1000) return
  checkedAt = Date.now()
  await releaseStalledJobs(payload)
}
