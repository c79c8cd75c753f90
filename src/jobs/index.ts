import type { Config } from 'payload'

import { intEnv } from '@/lib/env'
import { assertPinnedVersion } from '@/lib/pinnedVersion'

import { releaseStalledJobsNow } from './releaseStalledJobs'
import { expireUnconfirmedRegistrations } from './tasks/expireUnconfirmedRegistrations'
import { expireWaitlistOffers } from './tasks/expireWaitlistOffers'
import { offerWaitlistPlaces } from './tasks/offerWaitlistPlaces'
import { purgeAuditLog } from './tasks/purgeAuditLog'
import { purgeSecurityEvents } from './tasks/purgeSecurityEvents'
import { sendEmail } from './tasks/sendEmail'

/**
 * The job queue: emails, waitlist offers, saved exports (the import-export plugin's task) and
 * scheduled clean-ups.
 * Jobs run every second inside the web process unless JOBS_AUTORUN=false: in tests, which run them
 * explicitly, and beside `npm run worker`.
 */
// Both write Payload's payload_jobs table directly (docs/upgrading.md, entries 5 and 6).
assertPinnedVersion('payload', '3.90.1', 'src/email/queueEmail.ts and src/jobs/releaseStalledJobs.ts')

export const jobs: NonNullable<Config['jobs']> = {
  tasks: [sendEmail, offerWaitlistPlaces, expireUnconfirmedRegistrations, expireWaitlistOffers, purgeSecurityEvents, purgeAuditLog],
  autoRun: [{ cron: '* * * * * *', queue: 'default', limit: intEnv('JOBS_BATCH_SIZE', 50) }],
  shouldAutoRun: async (payload) => {
    if (process.env.JOBS_AUTORUN === 'false') return false
    await releaseStalledJobsNow(payload)
    return true
  },
}
