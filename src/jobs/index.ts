import type { Config } from 'payload'

import { intEnv } from '@/lib/env'
import { assertPinnedVersion } from '@/lib/pinnedVersion'

import { releaseStalledJobsNow } from './releaseStalledJobs'
import { anonymiseExpiredSubmissions } from './tasks/anonymiseExpiredSubmissions'
import { expireUnconfirmedRegistrations } from './tasks/expireUnconfirmedRegistrations'
import { expireWaitlistOffers } from './tasks/expireWaitlistOffers'
import { offerWaitlistPlaces } from './tasks/offerWaitlistPlaces'
import { purgeAuditLog } from './tasks/purgeAuditLog'
import { purgeSecurityEvents } from './tasks/purgeSecurityEvents'
import { sendEmail } from './tasks/sendEmail'
import { sendPrivacyLink } from './tasks/sendPrivacyLink'

/**
 * The job queue: emails, privacy links, waitlist offers, saved exports (the import-export plugin's task),
 * scheduled publishing of event content (Payload's schedulePublish, added by its config sanitiser for
 * collections with `versions.drafts.schedulePublish`, queued on 'default' like everything here) and
 * scheduled clean-ups (security events, old audit-log entries, the personal data of events past their
 * retention date).
 * Jobs run every second inside the web process unless JOBS_AUTORUN=false: in tests, which run them
 * explicitly, and beside `npm run worker`.
 */
// Both write Payload's payload_jobs table directly (docs/upgrading.md, entries 5 and 6).
assertPinnedVersion('payload', '3.90.1', 'src/email/queueEmail.ts and src/jobs/releaseStalledJobs.ts')

export const jobs: NonNullable<Config['jobs']> = {
  tasks: [
    sendEmail,
    sendPrivacyLink,
    offerWaitlistPlaces,
    expireUnconfirmedRegistrations,
    expireWaitlistOffers,
    purgeSecurityEvents,
    anonymiseExpiredSubmissions,
    purgeAuditLog,
  ],
  autoRun: [{ cron: '* * * * * *', queue: 'default', limit: intEnv('JOBS_BATCH_SIZE', 50) }],
  shouldAutoRun: async (payload) => {
    if (process.env.JOBS_AUTORUN === 'false') return false
    await releaseStalledJobsNow(payload)
    return true
  },
}
