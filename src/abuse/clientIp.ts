/**
 * The client's IP address, from X-Forwarded-For. Behind a reverse proxy (TRUST_PROXY=true) it is
 * the first address, as the proxy wrote it; otherwise src/server.mjs has set the header to the
 * connection's own address, whatever the client sent.
 */
export function clientIp(headers: Headers): string | undefined {
  const forwarded = headers.get('x-forwarded-for')
  if (!forwarded) return undefined
  const addresses = forwarded.split(',').map((address) => address.trim()).filter(Boolean)
  return process.env.TRUST_PROXY === 'true' ? addresses[0] : addresses.at(-1)
}
