/**
 * The security headers of every answer. src/server.mjs adds them to each response that has not set
 * its own (so a page with its own Content-Security-Policy keeps it), including the answers Next.js
 * never sees (its 413) and Next.js's own errors. Plain JavaScript: src/server.mjs is run by node
 * itself; the endpoints that answer HTML import `cspOf` from here too.
 */

/** Everything but the Content-Security-Policy, the same on every path. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  // Browsers ignore HSTS over plain http, so this is safe in development too.
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
}

/**
 * A Content-Security-Policy from its directives, in the order written.
 * @param {Record<string, string[]>} directives
 * @returns {string}
 */
export const cspOf = (directives) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')

/**
 * /api answers JSON and files: nothing in them may run, load, style, submit or be framed. The few
 * HTML pages under /api (confirm, status, the email preview, the API docs) set their own.
 */
export const API_POLICY = cspOf({
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
})

/**
 * The admin and every other page Next.js renders. Scripts: only those carrying this request's
 * nonce, which Next.js puts on its bootstrap and inline scripts when it finds it in the request's
 * own Content-Security-Policy header (src/server.mjs writes it there), and what they load
 * ('strict-dynamic': the chunks the bootstrap adds; 'self' only for browsers without CSP 3).
 * Styles: 'unsafe-inline' cannot go, Payload's markup is full of style attributes (React renders
 * them into the server's HTML) and its layout writes an inline <style>; none can carry a nonce.
 * Development only: React's dev build and Turbopack's HMR evaluate code ('unsafe-eval').
 * @param {string} nonce
 * @param {{ dev?: boolean }} [options]
 * @returns {string}
 */
export const pagePolicy = (nonce, { dev = false } = {}) =>
  cspOf({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  })
