import type { Config } from 'payload'

import { intEnv } from '@/lib/env'

import { releaseStalledJobsNow } from './releaseStalledJobs'
import { expireUnconfirmedRegistrations } from './tasks/expireUnconfirmedRegistrations'
import { purgeSecurityEvents } from './tasks/purgeSecurityEvents'
import { sendEmail } from './tasks/sendEmail'

/**
 * The job queue: emails, saved exports (the import-export plugin's task) and scheduled clean-ups.
 * Jobs run every second inside the web process unless JOBS_AUTORUN=false: in tests, which run them
 * explicitly, and beside `npm run worker`.
 */
export const jobs: NonNullable<Config['jobs']> = {
  tasks: [sendEmail, expireUnconfirmedRegistrations, purgeSecurityEvents],
  autoRun: [{ cron: '* * * * * *', queue: 'default', limit: intEnv('JOBS_BATCH_SIZE', 50) }],
  shouldAutoRun: async (payload) => {
    if (process.env.JOBS_AUTORUN === 'false') return false
    await releaseStalledJobsNow(payload)
    return true
  },
}
