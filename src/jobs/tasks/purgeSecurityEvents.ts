import type { TaskConfig } from 'payload'

export const SECURITY_EVENT_RETENTION_DAYS = 30

/** Deletes security events older than 30 days; scheduled daily. */
export const purgeSecurityEvents: TaskConfig<'purgeSecurityEvents'> = {
  slug: 'purgeSecurityEvents',
  retries: 3,
  schedule: [{ cron: '15 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  handler: async ({ req }) => {
    const cutoff = new Date(Date.now() - SECURITY_EVENT_RETENTION_DAYS * 86_400_000)
    const { docs } = await req.payload.delete({
      collection: 'security-events',
      where: { createdAt: { less_than: cutoff.toISOString() } },
      overrideAccess: true,
      req,
    })
    return { output: { deleted: docs.length } }
  },
}
