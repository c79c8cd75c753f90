import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { checkRole } from '@/access/checkRole'

import { PersonalDataSearch } from './PersonalDataSearch'

/**
 * /admin/privacy: a data-subject request handled by staff. Find what is held about an email
 * address, download it as one file, or erase it (src/endpoints/privacy/personalDataForStaff.ts).
 */
export function PersonalDataView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const allowed = checkRole(['admin', 'staff'], req.user)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: 'Personal data requests' }]} />
      <Gutter className="personal-data">
        <h1>Personal data requests</h1>
        {allowed ? (
          <>
            <p className="personal-data__intro">
              When someone asks what OTEI holds about them, or asks to be forgotten: find their email address, then
              download everything as one file to send them, or erase it. People can also do this themselves from the
              privacy link the website emails them.
            </p>
            <PersonalDataSearch />
          </>
        ) : (
          <p>Only staff and admins handle personal data requests.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
