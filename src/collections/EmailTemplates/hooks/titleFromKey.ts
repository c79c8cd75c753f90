import type { CollectionBeforeChangeHook } from 'payload'

import { EMAIL_TEMPLATES, type EmailTemplateKey } from '@/email/templateKeys'

/** The admin lists templates by what they are for, marking the per-event copies. */
export const titleFromKey: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const key = (data.key ?? originalDoc?.key) as EmailTemplateKey | undefined
  const event = data.event !== undefined ? data.event : originalDoc?.event
  if (!key || !(key in EMAIL_TEMPLATES)) return data
  return { ...data, title: `${EMAIL_TEMPLATES[key].label}${event ? ' (one event)' : ''}` }
}
