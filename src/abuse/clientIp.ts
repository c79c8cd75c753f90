/**
 * The client's IP address, from X-Forwarded-For: src/server.mjs has set it to the one address it
 * trusts (the connection's own, or the one TRUST_PROXY hops back), whatever the client sent. A
 * caller that does not come through that server (the in-process tests) is taken at its last hop.
 */
export function clientIp(headers: Headers): string | undefined {
  const forwarded = headers.get('x-forwarded-for')
  if (!forwarded) return undefined
  return forwarded.split(',').map((address) => address.trim()).filter(Boolean).at(-1)
}
