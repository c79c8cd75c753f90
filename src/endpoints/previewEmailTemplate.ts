import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Endpoint } from 'payload'

import { teamMember } from '@/access/teamMember'
import { renderEmail } from '@/email/renderEmail'
import { PLACEHOLDERS, type EmailValues, type PlaceholderName } from '@/email/templateKeys'
import { withStatusLink } from '@/email/withStatusLink'
import { escapeHtml } from '@/lib/htmlPage'
import { cspOf } from '@/lib/securityHeaders.mjs'

const SAMPLE_VALUES = Object.fromEntries(
  Object.entries(PLACEHOLDERS).map(([name, { sample }]) => [name, sample]),
) as Record<PlaceholderName, string> satisfies EmailValues

/**
 * An email is styled by style attributes (mail clients ignore <style>), which no hash or nonce can
 * allow: 'unsafe-inline' for styles, and images as the recipient's mail client would load them.
 * Nothing runs: a template is written by editors and shown to staff.
 */
const PREVIEW_POLICY = cspOf({
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'form-action': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
})

/**
 * GET /api/email-templates/:id/preview: the saved template rendered with sample data, as the
 * recipient will see it (the admin's Preview button), and its plain-text part underneath.
 */
export const previewEmailTemplate: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: async (req) => {
    if (!teamMember({ req })) return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    const template = await req.payload.findByID({
      collection: 'email-templates',
      id: String(req.routeParams?.id),
      depth: 0,
      overrideAccess: false,
      disableErrors: true,
      req,
    })
    if (!template) return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
    const content = { subject: template.subject, body: template.body as unknown as SerializedEditorState }
    const email = renderEmail(withStatusLink(template.key, content), SAMPLE_VALUES)
    const banner = `<div style="font-family:system-ui,sans-serif;background:#fef3c7;padding:12px 16px;border-bottom:1px solid #f59e0b">
<strong>Preview with sample data</strong> · Subject: ${escapeHtml(email.subject)}</div>`
    const textPart = `<pre style="max-width:560px;margin:24px auto;white-space:pre-wrap;font-family:ui-monospace,monospace;background:#fff;padding:16px;border-radius:8px">${escapeHtml(email.text)}</pre>`
    const html = email.html.replace(/<body([^>]*)>/, `<body$1>${banner}`).replace('</body>', `${textPart}</body>`)
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PREVIEW_POLICY, 'Cache-Control': 'no-store' },
    })
  },
}
