/**
 * The HTTP server: Next.js (and so Payload) behind Node's own http server, so that the client's
 * real socket address is known. Next.js keeps an X-Forwarded-For the client sent and only fills
 * it in when it is missing, so without this anyone could pose as any IP to the rate limits.
 *
 *   node src/server.mjs          production (npm start); PORT (3000) and HOSTNAME (0.0.0.0)
 *   node src/server.mjs --dev    development (npm run dev)
 *
 * Plain JavaScript on purpose: run by node itself, it starts in half the time and memory of a
 * TypeScript loader.
 *
 * Behind a reverse proxy set TRUST_PROXY=true: X-Forwarded-For is then the proxy's, kept as sent.
 */
import { createServer } from 'node:http'
import next from 'next'

const dev = process.argv.includes('--dev')
process.env.NODE_ENV ??= dev ? 'development' : 'production'
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOSTNAME || (dev ? 'localhost' : '0.0.0.0')

const server = createServer((request, response) => {
  if (process.env.TRUST_PROXY !== 'true') {
    // The connection's own address, whatever the client claims.
    request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? ''
  }
  void handle(request, response)
})
const app = next({ dev, hostname, port, httpServer: server })
const handle = app.getRequestHandler()

await app.prepare()
server.listen(port, hostname, () => {
  console.log(`> OTEI ready on http://${hostname}:${port} (${dev ? 'development' : 'production'})`)
})

const shutdown = () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
