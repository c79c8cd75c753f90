'use client'
import { Link, NavGroup, useAuth, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'

import { checkRole } from '@/access/checkRole'
import type { User } from '@/payload-types'

/** The nav's way to /admin/privacy, for the roles that may use it, styled as Payload's own links. */
export function PersonalDataNavLink() {
  const { user } = useAuth<User>()
  const { config } = useConfig()
  const pathname = usePathname()
  if (!checkRole(['admin', 'staff'], user)) return null
  const href = formatAdminURL({ adminRoute: config.routes.admin, path: '/privacy' })
  const active = pathname === href
  return (
    <NavGroup label="Privacy">
      <Link className="nav__link" href={href} id="nav-personal-data" prefetch={false}>
        {active && <div className="nav__link-indicator" />}
        <span className="nav__link-label">Personal data requests</span>
      </Link>
    </NavGroup>
  )
}
