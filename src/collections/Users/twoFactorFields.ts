import type { Field } from 'payload'

const nobody = () => false
// `hidden` only keeps a field out of answers; writing it must be closed as well.
const serverOnly = { create: nobody, update: nobody }

/**
 * Two-factor authentication (src/twoFactor/). Only the two-factor endpoints write these, through
 * the database adapter; the secret and recovery code hashes are `hidden`, so no API answer,
 * admin screen or `req.user` ever holds them.
 */
export const twoFactorFields = (): Field[] => [
  {
    // On the account page: whether it is on, and the way to /admin/two-factor.
    name: 'twoFactor',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/src/components/TwoFactor/TwoFactorStatus#TwoFactorStatus' } },
  },
  {
    name: 'twoFactorEnabled',
    label: 'Two-factor authentication',
    type: 'checkbox',
    defaultValue: false,
    access: serverOnly,
    // Shown by the twoFactor field above; kept as a list column.
    admin: { condition: () => false },
  },
  // Sealed with a key derived from PAYLOAD_SECRET (src/lib/secretBox.ts).
  { name: 'twoFactorSecret', type: 'text', hidden: true, access: serverOnly },
  // Between "set up" and the first right code: the secret being enrolled.
  { name: 'twoFactorPendingSecret', type: 'text', hidden: true, access: serverOnly },
  // Keyed hashes of the unused recovery codes.
  { name: 'twoFactorRecoveryCodes', type: 'json', hidden: true, access: serverOnly },
  {
    // Sessions (ids, as in `sessions`) that gave their second factor. Not secret, but nobody's
    // business: read only by the JWT strategy (overrideAccess), like Payload's own `sessions`.
    name: 'twoFactorSessions',
    type: 'json',
    access: { read: nobody, ...serverOnly },
    admin: { disabled: true },
  },
]
