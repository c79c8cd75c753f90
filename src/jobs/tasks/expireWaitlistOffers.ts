import { type TaskConfig, ValidationError } from 'payload'

/**
 * Offers of a waitlist place not accepted in time lapse (offered → expired), which frees the place
 * for the next person on the waitlist (offerFreedPlace). Each in its own transaction: one that
 * fails does not hold the others back. Scheduled every 5 minutes.
 */
export const expireWaitlistOffers: TaskConfig<'expireWaitlistOffers'> = {
  slug: 'expireWaitlistOffers',
  retries: 3,
  schedule: [{ cron: '*/5 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'expired', type: 'number', required: true }],
  handler: async ({ req: { payload } }) => {
    const { docs } = await payload.find({
      collection: 'registrations',
      where: { and: [{ status: { equals: 'offered' } }, { offerExpiresAt: { less_than_equal: new Date().toISOString() } }] },
      pagination: false,
      depth: 0,
      select: {},
      overrideAccess: true,
    })
    let expired = 0
    for (const { id } of docs) {
      try {
        await payload.update({ collection: 'registrations', id, data: { status: 'expired' }, overrideAccess: true, depth: 0, select: {} })
        expired++
      } catch (error) {
        // Accepted (or cancelled) in the meantime: the workflow refuses the lapse, and that is right.
        if (!(error instanceof ValidationError)) throw error
      }
    }
    return { output: { expired } }
  },
}
