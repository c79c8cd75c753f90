import { intEnv } from '@/lib/env'

/**
 * How long a job (and an email being sent) may stay "processing" before we assume the process
 * running it died. Far above the SMTP timeouts, so a live send is never taken over.
 */
export const stalledAfterSeconds = () => intEnv('JOBS_STALLED_AFTER_SECONDS', 300)
