import type { Payload } from 'payload'

/** Two-factor authentication off for account `id`, and its sessions ended (an operator's reset). */
export async function resetTwoFactor(payload: Payload, id: number): Promise<void> {
  await payload.db.updateOne({
    collection: 'users',
    id,
    data: {
      twoFactorEnabled: false,
      twoFactorSecret: null,
      twoFactorPendingSecret: null,
      twoFactorRecoveryCodes: null,
      twoFactorSessions: null,
      sessions: [],
    },
    returning: false,
  })
}
