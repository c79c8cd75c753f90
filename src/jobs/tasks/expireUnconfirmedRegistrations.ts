import type { TaskConfig } from 'payload'

import { confirmationHours } from '@/email/registrationLinks'

/**
 * Registrations not confirmed within REGISTRATION_CONFIRM_HOURS become `expired`; the address
 * can then register again. Scheduled every 15 minutes.
 */
export const expireUnconfirmedRegistrations: TaskConfig<'expireUnconfirmedRegistrations'> = {
  slug: 'expireUnconfirmedRegistrations',
  retries: 3,
  schedule: [{ cron: '*/15 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'expired', type: 'number', required: true }],
  handler: async ({ req }) => {
    const cutoff = new Date(Date.now() - confirmationHours() * 3_600_000)
    const { docs } = await req.payload.update({
      collection: 'registrations',
      where: { and: [{ status: { equals: 'pending-confirmation' } }, { createdAt: { less_than: cutoff.toISOString() } }] },
      data: { status: 'expired' },
      overrideAccess: true,
      depth: 0,
      select: {},
      req,
    })
    return { output: { expired: docs.length } }
  },
}
