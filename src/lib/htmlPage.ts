export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/**
 * A small self-contained page for the links in emails (confirm, status). The URL carries a
 * personal token: no caching, no referrer, no indexing.
 */
export function htmlPage({ title, body, status = 200 }: { title: string; body: string; status?: number }): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · OTEI</title>
<style>
body{margin:0;padding:32px 16px;background:#f4f4f5;font-family:system-ui,Arial,sans-serif;color:#18181b;line-height:1.5}
main{max-width:520px;margin:0 auto;background:#fff;padding:28px;border-radius:10px;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin-top:0}button{font:inherit;padding:10px 20px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer}
dt{font-weight:600}dd{margin:0 0 8px}form{margin-top:20px}
button.secondary{background:#fff;color:#b91c1c;border:1px solid #b91c1c}.note{margin:6px 0 0;font-size:.875rem;color:#52525b}
.notice{background:#ecfdf5;border:1px solid #10b981;padding:10px 14px;border-radius:6px}.notice.error{background:#fef2f2;border-color:#ef4444}
</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  })
}
