/** Choice lists, defined once. Values are stored; labels are for people. */

export const ROLES = ['admin', 'staff', 'editor'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  staff: 'Staff',
  editor: 'Editor',
}

export const DEFAULT_EVENT_TIMEZONE = 'Africa/Lagos'
