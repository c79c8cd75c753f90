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
 * Plain JavaScript on purpose: run by node itself, it starts in half the time and memory of a
 * TypeScript loader.
 *
 * Behind a reverse proxy set TRUST_PROXY=true: X-Forwarded-For is then the proxy's, kept as sent.
 */
import cluster from 'node:cluster'
import { createServer } from 'node:http'
import next from 'next'

const dev = process.argv.includes('--dev')
process.env.NODE_ENV ??= dev ? 'development' : 'production'
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOSTNAME || (dev ? 'localhost' : '0.0.0.0')
const processes = dev ? 1 : Math.max(1, Number(process.env.WEB_CONCURRENCY || 1))

// Matches the guard in src/hooks/guardPublicSubmission.ts, which also checks bodies sent without a length.
const MAX_FORM_BODY_BYTES = 64 * 1024
const PUBLIC_FORM_PATH =
  /^\/api\/(registrations|sponsor-applications|exhibitor-applications|volunteer-applications|register|sponsors|exhibitors|volunteer|graphql)\/?(\?|$)/

/**
 * An oversized public form post is refused from its Content-Length, before its body is read:
 * the collection hook would refuse it too, but only after holding it all in memory. (Here rather
 * than in a Next.js proxy, which would cost every request a second pass through the router.)
 */
function refuseOversizedForm(request, response) {
  if (request.method !== 'POST' || Number(request.headers['content-length'] ?? 0) <= MAX_FORM_BODY_BYTES) return false
  if (!PUBLIC_FORM_PATH.test(request.url ?? '')) return false
  response.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' })
  response.end(JSON.stringify({ errors: [{ message: `The form is too large (at most ${MAX_FORM_BODY_BYTES / 1024} KB).` }] }))
  return true
}

if (processes > 1 && cluster.isPrimary) superviseServers(processes)
else await serve()

async function serve() {
  const server = createServer((request, response) => {
    if (process.env.TRUST_PROXY !== 'true') {
      // The connection's own address, whatever the client claims.
      request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? ''
    }
    if (refuseOversizedForm(request, response)) return
    void handle(request, response)
  })
  const app = next({ dev, hostname, port, httpServer: server })
  const handle = app.getRequestHandler()

  await app.prepare()
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
  const start = (first) => {
    const worker = cluster.fork(first ? {} : { JOBS_AUTORUN: 'false' })
    worker.on('exit', (code, signal) => {
      if (stopping) return
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

  const shutdown = () => {
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    cluster.disconnect(() => process.exit(0))
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}
