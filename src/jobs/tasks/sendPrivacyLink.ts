import type { TaskConfig } from 'payload'

import { queueEmail } from '@/email/queueEmail'
import { findHeldData } from '@/privacy/personalData'
import { openRequestedAddress } from '@/privacy/privacyLink'

/**
 * A self-service privacy request (POST /api/privacy/requests), decided here rather than in the
 * request so that its answer and its timing are the same for every address: an address the app
 * holds submissions or emails for gets the link by email; any other gets nothing.
 */
export const sendPrivacyLink: TaskConfig<'sendPrivacyLink'> = {
  slug: 'sendPrivacyLink',
  retries: 5,
  inputSchema: [{ name: 'address', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const email = openRequestedAddress(input.address)
    // Sealed under another PAYLOAD_SECRET (rotated since): the request cannot be read any more.
    if (!email) return { output: {} }
    const held = await findHeldData(req, email)
    if (held.submissions.length || held.emails.length) await queueEmail(req.payload, { template: 'privacy-link', to: email }, req)
    return { output: {} }
  },
}
