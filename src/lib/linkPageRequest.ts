import type { PayloadRequest } from 'payload'

/** The pages that links in emails open answer a browser with HTML, anything else (a frontend) with JSON. */
export const wantsHtml = (req: PayloadRequest) => req.headers.get('accept')?.includes('text/html') ?? false

/** Such answers carry a personal token in their URL: never cached, never sent on as a referrer. */
export const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }

/** A post from such a page's own buttons (form data) or from a frontend (JSON); {} for anything else. */
export async function readPostedFields(req: PayloadRequest): Promise<Record<string, unknown>> {
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('application/json')) return ((await req.json!().catch(() => ({}))) as Record<string, unknown>) ?? {}
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data'))
    return Object.fromEntries(((await req.formData!().catch(() => new FormData())) as FormData).entries())
  return {}
}
