import type { Payload } from 'payload'

/** Two-factor authentication off for account `id`, and its sessions ended (an operator's reset). */
export async function resetTwoFactor(payload: Payload, id: number): Promise<void> {
  // Two writes: in one, the main row's columns and the sessions array reached PostgreSQL as an
  // insert of a row without its email (the adapter's upsert of 3.90.1). updatedAt null: left alone.
  const write = (data: Record<string, unknown>) =>
    payload.db.updateOne({ collection: 'users', id, data: { ...data, updatedAt: null }, returning: false })
  await write({
    twoFactorEnabled: false,
    twoFactorSecret: null,
    twoFactorPendingSecret: null,
    twoFactorRecoveryCodes: null,
    twoFactorSessions: null,
  })
  await write({ sessions: [] })
}
