import { createHash } from 'node:crypto'

import { cspOf } from './securityHeaders.mjs'

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

const PAGE_STYLE = `
body{margin:0;padding:32px 16px;background:#f4f4f5;font-family:system-ui,Arial,sans-serif;color:#18181b;line-height:1.5}
main{max-width:520px;margin:0 auto;background:#fff;padding:28px;border-radius:10px;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin-top:0}button{font:inherit;padding:10px 20px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer}
dt{font-weight:600}dd{margin:0 0 8px}form{margin-top:20px}
button.secondary{background:#fff;color:#b91c1c;border:1px solid #b91c1c}.note{margin:6px 0 0;font-size:.875rem;color:#52525b}
.notice{background:#ecfdf5;border:1px solid #10b981;padding:10px 14px;border-radius:6px}.notice.error{background:#fef2f2;border-color:#ef4444}
`

/**
 * The page's own <style> (by its hash, computed from the very text rendered) and nothing else: no
 * script, image or frame; its buttons post back to this origin.
 */
const PAGE_POLICY = cspOf({
  'default-src': ["'none'"],
  'style-src': [`'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
})

/**
 * A small self-contained page for the links in emails (confirm, status). The URL carries a
 * personal token: no caching, no referrer, no indexing.
 */
export function htmlPage({ title, body, status = 200 }: { title: string; body: string; status?: number }): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · OTEI</title>
<style>${PAGE_STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PAGE_POLICY,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  })
}
