import type { Payload } from 'payload'

import { adminOnly } from '@/access/adminOnly'

const JOB_STATS_GLOBAL = 'payload-jobs-stats'

/**
 * Payload adds its job statistics global itself, once plugins have run, with the default access:
 * any signed-in user, an editor included, could read it and overwrite it over REST and GraphQL.
 * Admins only; the queue writes it through the Local API, which skips access.
 */
export function restrictJobStatsGlobal(payload: Payload): void {
  const global = payload.config.globals.find((candidate) => candidate.slug === JOB_STATS_GLOBAL)
  if (!global) return
  global.access = { ...global.access, read: adminOnly, update: adminOnly, readVersions: adminOnly }
}
