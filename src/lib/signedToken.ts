import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Links in emails carry `<id>.<expiry>.<signature>`: the id cannot be changed or the expiry
 * extended without the server's secret. `purpose` keeps a status link from confirming.
 */
const signature = (secret: string, purpose: string, payload: string) =>
  createHmac('sha256', secret).update(`${purpose}:${payload}`).digest('base64url')

export function signToken(secret: string, purpose: string, id: number, expiresAt: Date): string {
  const payload = `${id}.${Math.floor(expiresAt.getTime() / 1000)}`
  return `${payload}.${signature(secret, purpose, payload)}`
}

export type TokenCheck = { valid: true; id: number } | { valid: false; reason: 'invalid' | 'expired'; id?: number }

export function verifyToken(secret: string, purpose: string, token: unknown, now = new Date()): TokenCheck {
  const match = typeof token === 'string' ? /^(\d{1,12})\.(\d{1,12})\.([\w-]{43})$/.exec(token) : null
  if (!match) return { valid: false, reason: 'invalid' }
  const [, id, expires, given] = match
  const expected = Buffer.from(signature(secret, purpose, `${id}.${expires}`))
  if (!timingSafeEqual(expected, Buffer.from(given))) return { valid: false, reason: 'invalid' }
  if (Number(expires) * 1000 <= now.getTime()) return { valid: false, reason: 'expired', id: Number(id) }
  return { valid: true, id: Number(id) }
}
