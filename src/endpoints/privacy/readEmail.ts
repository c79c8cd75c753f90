import { type PayloadRequest, ValidationError } from 'payload'

import { isEmailAddress, normalizeEmail } from '@/lib/text'

/** The JSON body of a privacy request, with its `email` checked; a field error (400) otherwise. */
export async function readEmailBody(req: PayloadRequest, collection: string): Promise<{ email: string; body: Record<string, unknown> }> {
  const body: unknown = await req.json?.().catch(() => undefined)
  const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  const email = typeof data.email === 'string' ? normalizeEmail(data.email) : ''
  if (!isEmailAddress(email)) {
    throw new ValidationError({
      collection,
      errors: [{ path: 'email', message: email ? 'Enter a valid email address, e.g. ada@example.com.' : 'This field is required.' }],
      req,
    })
  }
  return { email, body: data }
}
