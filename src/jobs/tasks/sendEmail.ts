import type { TaskConfig } from 'payload'

import { deliverOutboxEmail, maxEmailAttempts } from '@/email/deliverOutboxEmail'
import { intEnv } from '@/lib/env'

/**
 * Sends one email from the outbox. While SMTP is down it fails and is retried with exponential
 * backoff (30 s, 1 min, 2 min … by default: about 4 hours over 10 attempts).
 */
export const sendEmail: TaskConfig<'sendEmail'> = {
  slug: 'sendEmail',
  inputSchema: [{ name: 'outboxId', type: 'number', required: true }],
  outputSchema: [{ name: 'result', type: 'text', required: true }],
  // The outbox row counts attempts and decides when to give up; the queue only needs to keep trying.
  retries: {
    attempts: maxEmailAttempts(),
    backoff: { type: 'exponential', delay: intEnv('EMAIL_RETRY_DELAY_SECONDS', 30) * 1000 },
  },
  handler: async ({ input, req }) => ({
    output: { result: await deliverOutboxEmail(req.payload, input.outboxId) },
  }),
}
