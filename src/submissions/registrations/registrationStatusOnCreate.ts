import type { PayloadRequest } from 'payload'

import { submissionEvent } from '@/fields/eventField'

/**
 * A public registration waits for its email to be confirmed (double opt-in), unless its event
 * turned that off.
 */
export async function registrationStatusOnCreate(req: PayloadRequest, data: Record<string, unknown>): Promise<string> {
  const event = await submissionEvent(req, data.event)
  return event?.requireEmailConfirmation === false ? 'confirmed' : 'pending-confirmation'
}
