import type { Role } from '@/lib/choices'

type UserWithRoles = { roles?: (Role | string)[] | null } | null | undefined

/** The one place that reads roles: true when the user holds any of the given roles. */
export const checkRole = (roles: readonly Role[], user: UserWithRoles): boolean =>
  Boolean(user?.roles?.some((role) => roles.includes(role as Role)))
