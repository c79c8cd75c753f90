import type { PayloadRequest } from 'payload'

const key = (slug: string, id: number | string) => `${slug}:${id}`

export function rememberStatusBeforeSave(req: PayloadRequest, slug: string, id: number | string, status: string): void {
  req.context.statusBeforeSave ??= new Map()
  req.context.statusBeforeSave.set(key(slug, id), status)
}

/**
 * The status a submission had when this request's save of it locked the row (see
 * enforceStatusWorkflow), or undefined when the save did not touch the status.
 */
export const statusBeforeSave = (req: PayloadRequest, slug: string, id: number | string): string | undefined =>
  req.context.statusBeforeSave?.get(key(slug, id))
