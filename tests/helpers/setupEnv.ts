import { inject } from 'vitest'

import { findFreePort } from '@/scripts/findFreePort'

import { TEST_FIELD_ENCRYPTION_KEY } from './testDatabase'

// Runs before each test file's imports are evaluated, so payload.config.ts reads these.
// Jobs run only when a test calls payload.jobs.run().
process.env.DATABASE_URL = inject('databaseUrl')
process.env.PAYLOAD_SECRET = inject('payloadSecret')
process.env.FIELD_ENCRYPTION_KEY = TEST_FIELD_ENCRYPTION_KEY
process.env.JOBS_AUTORUN = 'false'
process.env.EXPORT_DIRECT_DOWNLOAD_MAX_ROWS = '25'
// Rate limits out of the way of tests about other things (tests/int/rateLimits sets its own).
process.env.RATE_LIMIT_FORM_PER_IP = '1000000'
process.env.RATE_LIMIT_FORM_PER_EMAIL = '1000000'
process.env.RATE_LIMIT_LOGIN_PER_IP = '1000000'
process.env.SPAM_SAME_CONTENT_PER_10_MIN = '1000000'
// Emails go to a real SMTP server that a test starts on this port when it wants to receive them;
// retries come after a second instead of 30.
process.env.SMTP_HOST = '127.0.0.1'
process.env.SMTP_PORT = String(await findFreePort())
process.env.EMAIL_RETRY_DELAY_SECONDS = '1'
