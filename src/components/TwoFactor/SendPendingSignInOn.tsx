import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { ServerProps } from 'payload'

import { readSession } from '@/twoFactor/sessions'

/**
 * Before the login form: a browser whose session owes its second factor is sent to
 * /admin/two-factor. Payload sees that session as signed out, so every admin page it asks for
 * leads here through the login page, the page it wanted kept as `redirect`.
 */
export async function SendPendingSignInOn({ payload, searchParams }: ServerProps) {
  const session = await readSession(payload, await headers())
  if (!session || session.complete) return null
  const wanted = typeof searchParams?.redirect === 'string' ? `?redirect=${encodeURIComponent(searchParams.redirect)}` : ''
  redirect(`${payload.config.routes.admin}/two-factor${wanted}`)
}
