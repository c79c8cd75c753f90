import { sql } from '@payloadcms/db-postgres/drizzle'
import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

import { requestTransaction } from '@/db/requestDatabase'

import type { SubmissionForm } from '../SubmissionForm'
import { rememberStatusBeforeSave } from './statusBeforeSave'

/**
 * A status change must follow the form's workflow, whoever makes it (REST, GraphQL, the admin's
 * bulk edit, the Local API, the app's jobs). The row is locked first and its status read again:
 * two staff saving the same decision at once queue behind each other, and the second finds the
 * decision made, so its save changes nothing and sends nothing. Reaching a decision records when
 * and by whom; clients cannot write either field.
 */
export const enforceStatusWorkflow = ({
  slug,
  statuses,
  workflow,
}: Pick<SubmissionForm, 'slug' | 'statuses' | 'workflow'>): CollectionBeforeChangeHook => {
  const label = (value: string) => statuses.find((status) => status.value === value)?.label ?? value
  return async ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || typeof data.status !== 'string' || !originalDoc) return data
    const current = (await lockedStatus(req, slug, originalDoc.id)) ?? originalDoc.status
    rememberStatusBeforeSave(req, slug, originalDoc.id, current)
    if (data.status === current) return data
    const allowed = workflow.next[current] ?? []
    if (!allowed.includes(data.status)) {
      const next = allowed.length ? `it can move to ${allowed.map(label).join(', ')}` : 'that is final'
      const message = `Cannot change the status from ${label(current)} to ${label(data.status)}: ${next}.`
      throw new ValidationError({ collection: slug, errors: [{ path: 'status', message }], req })
    }
    if (!workflow.decisions.includes(data.status)) return data
    const decidedBy = req.user?.collection === 'users' ? req.user.id : null
    return { ...data, decidedAt: new Date().toISOString(), decidedBy }
  }
}

async function lockedStatus(req: PayloadRequest, slug: string, id: number): Promise<string | undefined> {
  const transaction = await requestTransaction(req)
  if (!transaction) return undefined
  const { rows } = await transaction.execute(
    sql`select status from ${sql.identifier(slug.replaceAll('-', '_'))} where id = ${id} for update`,
  )
  return rows[0]?.status as string | undefined
}
