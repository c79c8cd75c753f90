import { DefaultTemplate, MinimalTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { getSafeRedirect } from 'payload/shared'

import { checkRole } from '@/access/checkRole'
import { rolesRequiringTwoFactor } from '@/twoFactor/requirement'
import { readSession } from '@/twoFactor/sessions'

import { TwoFactorSettings } from './TwoFactorSettings'
import { TwoFactorSignIn } from './TwoFactorSignIn'

/**
 * /admin/two-factor. A custom view, so Payload renders it for a session it does not accept: a
 * sign-in that owes its code (or must enrol first) gets the second step here, on the login page's
 * layout; a finished session gets its settings in the usual admin frame.
 */
export async function TwoFactorView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const { payload } = req
  const adminRoute = payload.config.routes.admin
  const session = await readSession(payload, await headers())
  if (!session) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}/two-factor`)}`)

  if (!session.complete) {
    const next = getSafeRedirect({ redirectTo: searchParams?.redirect ?? '', fallbackTo: adminRoute })
    return (
      <MinimalTemplate className="two-factor-template">
        <TwoFactorSignIn mode={session.needs === 'enrolment' ? 'enrol' : 'verify'} email={session.user.email} next={next} />
      </MinimalTemplate>
    )
  }

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: 'Account', url: `${adminRoute}/account` }, { label: 'Two-factor authentication' }]} />
      <Gutter className="two-factor two-factor--settings">
        <h1>Two-factor authentication</h1>
        <p>
          A code from an authenticator app on your phone, asked for after your password: someone who learns your
          password still cannot sign in. API keys (for scripts) are not affected.
        </p>
        <TwoFactorSettings
          enabled={Boolean(session.user.twoFactorEnabled)}
          required={checkRole(rolesRequiringTwoFactor(), session.user)}
        />
      </Gutter>
    </DefaultTemplate>
  )
}
