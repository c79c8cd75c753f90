/**
 * The client's IP address. Behind a reverse proxy (TRUST_PROXY=true) it is the first address of
 * X-Forwarded-For, as the proxy wrote it. Otherwise it is the address Next.js records for the
 * connection, which it passes in the same header.
 */
export function clientIp(headers: Headers): string | undefined {
  const forwarded = headers.get('x-forwarded-for')
  if (!forwarded) return undefined
  const addresses = forwarded.split(',').map((address) => address.trim()).filter(Boolean)
  return process.env.TRUST_PROXY === 'true' ? addresses[0] : addresses.at(-1)
}
