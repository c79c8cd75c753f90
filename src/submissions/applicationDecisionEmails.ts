import type { EmailTemplateKey } from '@/email/templateKeys'

/** The email each decision on a sponsor, exhibitor or volunteer application brings. */
export const APPLICATION_DECISION_EMAILS = {
  accepted: 'application-accepted',
  rejected: 'application-rejected',
  waitlisted: 'application-waitlisted',
} as const satisfies Partial<Record<string, EmailTemplateKey>>
