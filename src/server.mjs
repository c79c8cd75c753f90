/**
 * The HTTP server: Next.js (and so Payload) behind Node's own http server, so that the client's
 * real socket address is known. Next.js keeps an X-Forwarded-For the client sent and only fills
 * it in when it is missing, so without this anyone could pose as any IP to the rate limits.
 *
 *   node src/server.mjs          production (npm start); PORT (3000) and HOSTNAME (0.0.0.0)
 *   node src/server.mjs --dev    development (npm run dev)
 *
 * WEB_CONCURRENCY=N (production) runs N server processes sharing the port: one Node process
 * uses one core. They start one after another, so that only the first applies pending
 * migrations, and only the first runs queued jobs (unless JOBS_AUTORUN=false for all).
 *
 * Public form posts (the paths in src/submissions/publicFormPaths.json) are read here, up to the
 * 64 KB limit, before Next.js sees them: see serveForm. A form that takes a file (a sponsor
 * application with its deck) may send UPLOAD_MAX_MB more as multipart; JSON keeps 64 KB. Any other
 * upload (/api/media) declaring more than that is refused unread; one sent without a length is
 * stopped by Payload's own parser at the same limit (src/uploads/uploadLimits.ts).
 *
 * Every answer gets the security headers here (see secureResponse), the 413 above included.
 *
 * Production refuses to start (exit code 78, not restarted) with a PAYLOAD_SECRET under 32 characters
 * or without a well-formed FIELD_ENCRYPTION_KEY (a malformed key is refused in development too).
 *
 * Plain JavaScript on purpose: run by node itself, it starts in half the time and memory of a
 * TypeScript loader.
 *
 * Behind reverse proxies set TRUST_PROXY to how many there are: see clientAddress.
 */
import cluster from 'node:cluster'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, IncomingMessage } from 'node:http'
import { createRequire } from 'node:module'
import next from 'next'

import { fieldEncryptionKeyProblem } from './lib/fieldEncryptionKeys.mjs'
import { payloadSecretProblem } from './lib/payloadSecretProblem.mjs'
import { API_POLICY, pagePolicy, SECURITY_HEADERS } from './lib/securityHeaders.mjs'

const dev = process.argv.includes('--dev')
process.env.NODE_ENV ??= dev ? 'development' : 'production'
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOSTNAME || (dev ? 'localhost' : '0.0.0.0')
const processes = dev ? 1 : Math.max(1, Number(process.env.WEB_CONCURRENCY || 1))
/** TRUST_PROXY, read once Next.js has loaded .env (see serve). */
let trustedProxies = 0

// How a public form is read below (a request handed to Next.js with its body already read) relies
// on how Next.js reads a request body: checked for this version (docs/upgrading.md).
const NEXT_WRITTEN_FOR = '16.4.6'
const nextVersion = createRequire(import.meta.url)('next/package.json').version
if (nextVersion !== NEXT_WRITTEN_FOR) {
  throw new Error(
    `src/server.mjs depends on how Next.js ${NEXT_WRITTEN_FOR} reads request bodies, but Next.js ${nextVersion} is installed. ` +
      'Check it against the new version as docs/upgrading.md describes, then update NEXT_WRITTEN_FOR.',
  )
}

// The public form paths and their body limit, written from the forms' registry (src/submissions).
const formLimit = JSON.parse(readFileSync(new URL('./submissions/publicFormPaths.json', import.meta.url), 'utf8'))
const payloadFormPaths = new Set(formLimit.paths.payload)
const guideFormPaths = new Set(formLimit.paths.guide)
const uploadFormPaths = new Set(formLimit.uploadPaths)
/** UPLOAD_MAX_MB as bytes with a form's worth of fields, and its message: read once Next.js has loaded .env (see serve). */
let uploadLimit = { maxBytes: 0, message: '' }
const MIB = 1024 * 1024
/** After a refusal, what the client goes on sending is discarded this long, or up to this much, then the connection is closed. */
const LINGER_MS = 1000
const LINGER_BYTES = 1024 * 1024

/** Exit code of a server process refusing its settings (EX_CONFIG): the supervisor does not start another. */
const EXIT_SETTINGS_REFUSED = 78

/**
 * The path as Next.js and Payload route it (dot segments resolved, as `new URL` does; a trailing
 * slash dropped; percent-encoding decoded), so that no other spelling of a form path escapes the limit.
 */
function routedPath(request) {
  let routed = routedPaths.get(request)
  if (routed === undefined) {
    const path = new URL(request.url ?? '/', 'http://server').pathname.replace(/\/+$/, '')
    try {
      routed = decodeURIComponent(path)
    } catch {
      routed = path
    }
    routedPaths.set(request, routed)
  }
  return routed
}
/** Each request's routed path, worked out once: the headers, the form check and a 413 all ask. */
const routedPaths = new WeakMap()

const isPublicFormPost = (request) => {
  if (request.method !== 'POST') return false
  const path = routedPath(request)
  return payloadFormPaths.has(path) || guideFormPaths.has(path)
}

const isApiPath = (path) => path === '/api' || path.startsWith('/api/')

const isMultipart = (request) => /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')

const declaredLength = (request) => Number(request.headers['content-length'] ?? 0)

/** A public form post's limit: a file's worth more for a multipart post to a form that takes one. */
const formBodyLimit = (request) =>
  isMultipart(request) && uploadFormPaths.has(routedPath(request)) ? uploadLimit : formLimit

/** An upload elsewhere under /api (media) that declares more than any upload may be. */
const isOversizedUpload = (request) =>
  (request.method === 'POST' || request.method === 'PATCH') &&
  isApiPath(routedPath(request)) &&
  isMultipart(request) &&
  declaredLength(request) > uploadLimit.maxBytes

/**
 * The security headers (src/lib/securityHeaders.mjs), added as the answer's head is written to
 * whatever the answer has not set itself: Next.js copies a route's own headers onto the response
 * only when the response does not have them yet, so setting these first would override the HTML
 * pages' own policy (and their Referrer-Policy: no-referrer). Pages get a fresh nonce per request,
 * in the request's Content-Security-Policy header, where Next.js reads it (a client's own such
 * header is replaced); /api gets the strict policy.
 */
function secureResponse(request, response) {
  let policy = API_POLICY
  if (isApiPath(routedPath(request))) delete request.headers['content-security-policy']
  else {
    policy = pagePolicy(randomBytes(16).toString('base64'), { dev })
    request.headers['content-security-policy'] = policy
  }
  const defaults = { ...SECURITY_HEADERS, 'Content-Security-Policy': policy }
  const writeHead = response.writeHead
  // Node calls writeHead itself for an answer written without it, so this sees every answer.
  response.writeHead = function (...args) {
    for (const [name, value] of Object.entries(defaults)) if (!this.hasHeader(name)) this.setHeader(name, value)
    return writeHead.apply(this, args)
  }
}

/** The CORS headers Payload gives an allowed origin, so that the frontend can read the 413. Read when needed: Next.js loads .env only once it starts. */
function corsHeaders(request) {
  const origin = request.headers.origin
  const allowed = (process.env.CORS_ORIGINS ?? '').split(',').map((item) => item.trim())
  return origin && allowed.includes(origin)
    ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }
    : {}
}

/**
 * 413 in the error shape the path answers in (the guide's envelope on its endpoints), then the
 * connection closed. Closing a socket with unread data makes the kernel reset it, and a client
 * still sending could lose the answer to that reset, so what it goes on sending is discarded
 * (never kept) for a moment first, up to LINGER_BYTES: nginx's lingering close. `bodyComing`:
 * false when the client waits to be told to send it (Expect: 100-continue).
 */
function refuseTooLarge(request, response, { bodyComing = true, message = formLimit.message } = {}) {
  const answer = JSON.stringify(
    guideFormPaths.has(routedPath(request))
      ? { status: 'error', errors: [{ field: null, message }] }
      : { errors: [{ message }] },
  )
  response.writeHead(413, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(answer),
    Connection: 'close',
    ...corsHeaders(request),
  })
  if (!bodyComing) return void response.end(answer)
  response.write(answer)
  let discarded = 0
  const close = () => {
    clearTimeout(timer)
    request.off('data', discard).off('end', close).off('error', close).off('close', close)
    response.end()
  }
  const discard = (chunk) => {
    discarded += chunk.length
    if (discarded > LINGER_BYTES) close()
  }
  const timer = setTimeout(close, LINGER_MS)
  request.on('data', discard).on('end', close).on('error', close).on('close', close)
  request.resume()
}

/**
 * The body of a public form, read as it streams in, declared length or not: undefined as soon as it
 * passes `maxBytes` (reading stops there). Rejects when the client goes away mid-body.
 */
function readFormBody(request, maxBytes) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    const settle = (outcome, value) => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose)
      outcome(value)
    }
    const onData = (chunk) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      request.pause()
      settle(resolve, undefined)
    }
    const onEnd = () => settle(resolve, Buffer.concat(chunks))
    const onError = (error) => settle(reject, error)
    const onClose = () => settle(reject, new Error('the client closed the connection mid-body'))
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose)
  })
}

/** TRUST_PROXY: the number of reverse proxies in front of the app (true is one, false none); undefined when it is neither. */
function parseTrustedProxies(value = '') {
  if (value === '' || value === 'false') return 0
  if (value === 'true') return 1
  if (/^\d+$/.test(value)) return Number(value)
  return undefined
}

/**
 * The client's address. With no proxy, the connection's own, whatever the client claims. Behind N
 * proxies, each of which appends the address it was reached from to X-Forwarded-For (nginx's
 * $proxy_add_x_forwarded_for), the address N hops from the right: what stands further left was
 * written by the client and proves nothing.
 */
function clientAddress(request) {
  const socketAddress = request.socket.remoteAddress ?? ''
  if (trustedProxies === 0) return socketAddress
  const forwarded = (request.headers['x-forwarded-for'] ?? '').split(',').map((address) => address.trim())
  const hops = [...forwarded.filter(Boolean), socketAddress]
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]
}

/**
 * The request again, with the body already read, for Next.js: a request whose body has been read
 * cannot be read a second time, so a fresh one carries the same head and body over the same socket.
 */
function withBody(request, body) {
  const copy = new IncomingMessage(request.socket)
  Object.assign(copy, {
    method: request.method,
    url: request.url,
    headers: request.headers,
    rawHeaders: request.rawHeaders,
    httpVersion: request.httpVersion,
    httpVersionMajor: request.httpVersionMajor,
    httpVersionMinor: request.httpVersionMinor,
  })
  copy.push(body)
  copy.push(null)
  copy.complete = true
  return copy
}

/**
 * A public form post reaches Next.js (and the collection's own checks) only once its whole body is
 * known to be within the limit. A declared length over it is refused before any of it is read; a
 * body sent without one (chunked) is refused as soon as it passes the limit. What follows is never
 * kept (see refuseTooLarge). Next.js itself would read any body in full, however large.
 */
async function serveForm(request, response, handle) {
  const { maxBytes, message } = formBodyLimit(request)
  if (declaredLength(request) > maxBytes) return refuseTooLarge(request, response, { message })
  let body
  try {
    body = await readFormBody(request, maxBytes)
  } catch {
    return void request.socket.destroy() // nobody is left to answer
  }
  if (!body) return refuseTooLarge(request, response, { message })
  void handle(withBody(request, body), response)
}

if (processes > 1 && cluster.isPrimary) superviseServers(processes)
else await serve()

async function serve() {
  const route = (request, response) => {
    // From here on X-Forwarded-For is the one address the app trusts (src/abuse/clientIp.ts).
    request.headers['x-forwarded-for'] = clientAddress(request)
    if (isPublicFormPost(request)) return void serveForm(request, response, handle)
    if (isOversizedUpload(request)) return refuseTooLarge(request, response, { message: uploadLimit.message })
    void handle(request, response)
  }
  const server = createServer((request, response) => {
    secureResponse(request, response)
    route(request, response)
  })
  // A client that asks before sending its body (Expect: 100-continue) is told no at once when it
  // declares too much, instead of being invited to send it.
  server.on('checkContinue', (request, response) => {
    secureResponse(request, response)
    if (isPublicFormPost(request) && declaredLength(request) > formBodyLimit(request).maxBytes)
      return refuseTooLarge(request, response, { bodyComing: false, message: formBodyLimit(request).message })
    if (isOversizedUpload(request)) return refuseTooLarge(request, response, { bodyComing: false, message: uploadLimit.message })
    response.writeContinue()
    route(request, response)
  })
  const app = next({ dev, hostname, port, httpServer: server })
  const handle = app.getRequestHandler()

  await app.prepare()
  // Checked once Next.js has loaded .env; assertProductionSettings checks them again for the other
  // entry points (worker, migrations), but only when Payload starts, on the first request.
  const secretProblem =
    (dev ? undefined : payloadSecretProblem(process.env.PAYLOAD_SECRET)) ?? fieldEncryptionKeyProblem(process.env, !dev)
  if (secretProblem) {
    console.error(`> OTEI refuses to start: ${secretProblem}`)
    process.exit(EXIT_SETTINGS_REFUSED)
  }
  const proxies = parseTrustedProxies(process.env.TRUST_PROXY)
  if (proxies === undefined) {
    console.error(
      `> OTEI refuses to start: TRUST_PROXY must be the number of reverse proxies in front of the app (0 when none, 1 behind one nginx, …), not "${process.env.TRUST_PROXY}".`,
    )
    process.exit(EXIT_SETTINGS_REFUSED)
  }
  trustedProxies = proxies
  const uploadMaxMb = Number(process.env.UPLOAD_MAX_MB || 10)
  if (!Number.isInteger(uploadMaxMb) || uploadMaxMb <= 0) {
    console.error(`> OTEI refuses to start: UPLOAD_MAX_MB must be a whole number of megabytes, not "${process.env.UPLOAD_MAX_MB}".`)
    process.exit(EXIT_SETTINGS_REFUSED)
  }
  // The same limit and message as Payload's parser (src/uploads/uploadLimits.ts).
  uploadLimit = { maxBytes: uploadMaxMb * MIB + formLimit.maxBytes, message: `The file is too large (at most ${uploadMaxMb} MB).` }
  server.listen(port, hostname, () => {
    if (cluster.isWorker) return
    console.log(`> OTEI ready on http://${hostname}:${port} (${dev ? 'development' : 'production'})`)
  })

  const shutdown = () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

function superviseServers(count) {
  let stopping = false
  const stopAll = (exitCode) => {
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    cluster.disconnect(() => process.exit(exitCode))
  }
  const start = (first) => {
    const worker = cluster.fork(first ? {} : { JOBS_AUTORUN: 'false' })
    worker.on('exit', (code, signal) => {
      if (stopping) return
      // Settings refused: another process would refuse them too.
      if (code === EXIT_SETTINGS_REFUSED) return stopAll(code)
      console.error(`server process ${worker.process.pid} exited (${signal ?? code}); starting another`)
      start(first)
    })
    return worker
  }
  // The others start once the first listens: it has applied any pending migrations by then.
  start(true).once('listening', () => {
    for (let n = 1; n < count; n++) start(false)
    console.log(`> OTEI ready on http://${hostname}:${port} (production, ${count} processes)`)
  })

  process.on('SIGTERM', () => stopAll(0))
  process.on('SIGINT', () => stopAll(0))
}
