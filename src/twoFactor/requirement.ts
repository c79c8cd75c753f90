import { checkRole } from '@/access/checkRole'
import type { Role } from '@/lib/choices'

type TwoFactorUser = { roles?: (Role | string)[] | null; twoFactorEnabled?: boolean | null }

/**
 * The roles that must use a second factor: admins in production (the rule). Read at each
 * call, not once at import, so that tests/int/twoFactor can check the production rule itself.
 */
export const rolesRequiringTwoFactor = (nodeEnv = process.env.NODE_ENV): Role[] =>
  nodeEnv === 'production' ? ['admin'] : []

/**
 * What a signed-in session still needs before it may be used: `code` for an enrolled account,
 * `enrolment` for an account that must enrol first (an admin in production), `nothing` otherwise.
 */
export function secondFactorNeeded(user: TwoFactorUser): 'code' | 'enrolment' | 'nothing' {
  if (user.twoFactorEnabled) return 'code'
  if (checkRole(rolesRequiringTwoFactor(), user)) return 'enrolment'
  return 'nothing'
}
