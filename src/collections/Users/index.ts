import type { CollectionConfig } from 'payload'

import { adminOnly } from '@/access/adminOnly'
import { adminOrSelf } from '@/access/adminOrSelf'
import { adminSelfOrReviewers } from '@/access/adminSelfOrReviewers'
import { adminOnlyField } from '@/access/fields/adminOnlyField'
import { teamMember } from '@/access/teamMember'
import { ROLE_LABELS, ROLES } from '@/lib/choices'
import { isProduction } from '@/lib/env'

import { twoFactorEndpoints } from '@/endpoints/twoFactor'

import { finishSecondFactorAtLogin } from './hooks/finishSecondFactorAtLogin'
import { limitLoginsPerIp } from './hooks/limitLoginsPerIp'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { markLoginAttempt } from './hooks/markLoginAttempt'
import { recordLogin } from './hooks/recordLogin'
import { requireStrongPassword, requireStrongResetPassword } from './hooks/requireStrongPassword'
import { twoFactorFields } from './twoFactorFields'

const TEN_MINUTES_MS = 10 * 60 * 1000
const TWO_HOURS_S = 2 * 60 * 60

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles', 'twoFactorEnabled', 'updatedAt'],
    group: 'Settings',
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: TEN_MINUTES_MS,
    tokenExpiration: TWO_HOURS_S,
    useAPIKey: true,
    // HttpOnly is Payload's own. Secure in production: the session never travels over plain http
    // (browsers accept Secure cookies from http://localhost and 127.0.0.1, so the e2e tests' server
    // over plain http keeps them). Lax, not Strict: a link to the admin in a staff email then opens
    // signed in; cross-site posts carry no cookie, and Payload ignores the cookie of a request from
    // an origin outside its csrf list (payload.config.ts) anyway.
    cookies: { secure: isProduction, sameSite: 'Lax' },
  },
  access: {
    admin: teamMember,
    create: adminOnly,
    read: adminSelfOrReviewers,
    update: adminOrSelf,
    delete: adminOnly,
    unlock: adminOnly,
  },
  hooks: {
    beforeOperation: [markLoginAttempt, limitLoginsPerIp, requireStrongResetPassword],
    beforeValidate: [requireStrongPassword],
    beforeChange: [makeFirstUserAdmin],
    afterOperation: [finishSecondFactorAtLogin, recordLogin],
  },
  endpoints: twoFactorEndpoints,
  fields: [
    {
      name: 'name',
      type: 'text',
      maxLength: 120,
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      // Read by access rules on every request, so it travels in the token.
      saveToJWT: true,
      access: {
        create: adminOnlyField,
        update: adminOnlyField,
      },
      admin: {
        description:
          'Admin: everything, including users. Staff: submissions and events. Editor: content and email templates.',
        // Hidden on /admin/create-first-user: that account always becomes admin (makeFirstUserAdmin).
        condition: (_data, _siblingData, { user }) => Boolean(user),
      },
    },
    ...twoFactorFields(),
  ],
}
