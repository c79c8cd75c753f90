/**
 * Every email the app sends, by template key, with the placeholders each one offers. Pure data:
 * the admin's placeholder list (a client component) imports it too.
 */

export const PLACEHOLDERS = {
  firstName: { description: "The person's first name", sample: 'Adaeze' },
  fullName: { description: "The person's full name", sample: 'Adaeze Okafor' },
  eventName: { description: "The event's name", sample: 'OTEI 2027' },
  eventDate: { description: 'The day the event starts, in its time zone', sample: 'Saturday, 20 March 2027 at 09:00' },
  venue: { description: "The event's venue", sample: 'LAUTECH Main Auditorium, Ogbomoso' },
  statusUrl: { description: 'A personal link to see the registration or application, its status, and withdraw it', sample: 'https://api.otei.ng/api/status?token=sample' },
  confirmUrl: { description: 'The link that confirms the registration', sample: 'https://api.otei.ng/api/registrations/confirm?token=sample' },
  confirmBy: { description: 'When the confirmation link expires', sample: 'Monday, 30 November 2026 at 18:00' },
  acceptBy: { description: 'When an offered place from the waitlist lapses unless accepted', sample: 'Tuesday, 1 December 2026 at 18:00' },
  formName: { description: 'Which form was sent: registration, sponsor, exhibitor or volunteer application', sample: 'sponsor application' },
  organizationName: { description: 'The organisation named in an application', sample: 'Acme Ventures' },
  adminUrl: { description: 'Where staff open the submission in the admin', sample: 'https://api.otei.ng/admin/collections/registrations/1' },
  privacyUrl: { description: 'A personal link where the person downloads or erases the data held about them', sample: 'https://api.otei.ng/api/privacy/me?token=sample' },
  linkExpiresAt: { description: 'When that personal link stops working', sample: 'Tuesday, 1 December 2026 at 18:00' },
} as const

export type PlaceholderName = keyof typeof PLACEHOLDERS
export type EmailValues = Partial<Record<PlaceholderName, string>>

const PERSON: PlaceholderName[] = ['firstName', 'fullName', 'eventName', 'eventDate', 'venue']
const APPLICANT: PlaceholderName[] = [...PERSON, 'formName', 'organizationName', 'statusUrl']

type TemplateSpec = {
  label: string
  /** When it is sent, shown to editors. */
  sentWhen: string
  placeholders: readonly PlaceholderName[]
  /** Placeholders without which the email is useless; saving a template without them is refused. */
  required?: readonly PlaceholderName[]
  /**
   * Sent to staff, not to the person: it carries no personal status link. Every other email gets
   * one appended when its wording has none (renderEmail).
   */
  toStaff?: true
  /**
   * About an email address rather than one submission (the privacy link): its values come from the
   * address alone, and it carries no status link either.
   */
  aboutAddress?: true
}

export const EMAIL_TEMPLATES = {
  'registration-confirmation-request': {
    label: 'Registration: please confirm',
    sentWhen: 'A new registration for an event that asks registrants to confirm their email.',
    placeholders: [...PERSON, 'confirmUrl', 'confirmBy', 'statusUrl'],
    required: ['confirmUrl'],
  },
  'registration-received': {
    label: 'Registration: received',
    sentWhen: 'A new registration for an event that does not ask for email confirmation.',
    placeholders: [...PERSON, 'statusUrl'],
  },
  'registration-confirmed': {
    label: 'Registration: confirmed',
    sentWhen: 'A registrant followed their confirmation link (or staff confirmed them).',
    placeholders: [...PERSON, 'statusUrl'],
  },
  'registration-waitlisted': {
    label: 'Registration: waitlisted',
    sentWhen: 'A registration found the event full (or staff moved it to the waitlist).',
    placeholders: [...PERSON, 'statusUrl'],
  },
  'registration-offered': {
    label: 'Registration: a place is offered',
    sentWhen: 'A place freed up and goes to the first person on the waitlist, who accepts it from their status page.',
    placeholders: [...PERSON, 'statusUrl', 'acceptBy'],
    required: ['statusUrl', 'acceptBy'],
  },
  'already-registered': {
    label: 'Registration: already registered',
    sentWhen: 'Someone tried to register again with an address already registered for the event.',
    placeholders: [...PERSON, 'statusUrl'],
    required: ['statusUrl'],
  },
  'sponsor-application-received': {
    label: 'Sponsor application: received',
    sentWhen: 'A new sponsor application.',
    placeholders: APPLICANT,
  },
  'exhibitor-application-received': {
    label: 'Exhibitor application: received',
    sentWhen: 'A new exhibitor application.',
    placeholders: APPLICANT,
  },
  'volunteer-application-received': {
    label: 'Volunteer application: received',
    sentWhen: 'A new volunteer application.',
    placeholders: APPLICANT,
  },
  'application-accepted': {
    label: 'Application: accepted',
    sentWhen: 'Staff set a sponsor, exhibitor or volunteer application to Accepted.',
    placeholders: APPLICANT,
  },
  'application-rejected': {
    label: 'Application: not accepted',
    sentWhen: 'Staff set a sponsor, exhibitor or volunteer application to Rejected.',
    placeholders: APPLICANT,
  },
  'application-waitlisted': {
    label: 'Application: waitlisted',
    sentWhen: 'Staff set a sponsor, exhibitor or volunteer application to Waitlisted.',
    placeholders: APPLICANT,
  },
  'staff-new-submission': {
    label: 'Staff: new submission',
    sentWhen: 'Any new registration or application; sent to STAFF_NOTIFY_EMAILS.',
    placeholders: [...PERSON, 'formName', 'organizationName', 'adminUrl'],
    toStaff: true,
  },
  'privacy-link': {
    label: 'Privacy: your data',
    sentWhen: 'Someone asked, from the privacy request form, to see or erase the data held about an address we hold data about.',
    placeholders: ['privacyUrl', 'linkExpiresAt'],
    required: ['privacyUrl'],
    aboutAddress: true,
  },
} as const satisfies Record<string, TemplateSpec>

export type EmailTemplateKey = keyof typeof EMAIL_TEMPLATES

export const EMAIL_TEMPLATE_KEYS = Object.keys(EMAIL_TEMPLATES) as EmailTemplateKey[]
