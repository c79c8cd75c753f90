import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import type { EmailContent } from './renderEmail'
import type { EmailTemplateKey } from './templateKeys'

/** A paragraph is text, or a link written as "[label](url)" on its own. */
type Paragraph = string

const LINK = /^\[(.+)\]\((.+)\)$/

const textNode = (text: string) => ({ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })

/** Lexical rich text from plain paragraphs, the shape the admin editor saves. */
export function richTextFromParagraphs(paragraphs: Paragraph[]): SerializedEditorState {
  const children = paragraphs.map((paragraph) => {
    const link = LINK.exec(paragraph)
    const content = link
      ? [{ type: 'link', fields: { linkType: 'custom', url: link[2], newTab: false }, children: [textNode(link[1])], direction: 'ltr', format: '', indent: 0, version: 3 }]
      : [textNode(paragraph)]
    return { type: 'paragraph', children: content, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', version: 1 }
  })
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } } as SerializedEditorState
}

const SIGN_OFF = 'The OTEI team'

const DEFAULTS: Record<EmailTemplateKey, { subject: string; paragraphs: Paragraph[] }> = {
  'registration-confirmation-request': {
    subject: 'Confirm your registration for {{eventName}}',
    paragraphs: [
      'Hi {{firstName}},',
      'Thank you for registering for {{eventName}} on {{eventDate}} at {{venue}}. Please confirm your email address to secure your place:',
      '[Confirm my registration]({{confirmUrl}})',
      'The link works until {{confirmBy}}. If you did not register, ignore this email and nothing more will happen.',
      SIGN_OFF,
    ],
  },
  'registration-received': {
    subject: 'Your registration for {{eventName}}',
    paragraphs: [
      'Hi {{firstName}},',
      'You are registered for {{eventName}} on {{eventDate}} at {{venue}}. We look forward to seeing you.',
      '[See your registration]({{statusUrl}})',
      SIGN_OFF,
    ],
  },
  'registration-confirmed': {
    subject: 'You are confirmed for {{eventName}}',
    paragraphs: [
      'Hi {{firstName}},',
      'Your registration for {{eventName}} is confirmed. See you on {{eventDate}} at {{venue}}.',
      '[See your registration]({{statusUrl}})',
      SIGN_OFF,
    ],
  },
  'registration-waitlisted': {
    subject: 'You are on the waitlist for {{eventName}}',
    paragraphs: [
      'Hi {{firstName}},',
      '{{eventName}} is full for now, so your registration is on the waitlist. We will email you as soon as a place opens up.',
      '[See your registration]({{statusUrl}})',
      SIGN_OFF,
    ],
  },
  'registration-offered': {
    subject: 'A place at {{eventName}} is yours if you want it',
    paragraphs: [
      'Hi {{firstName}},',
      'A place has opened up at {{eventName}} on {{eventDate}} at {{venue}}, and you are next on the waitlist. Accept it from your registration page before {{acceptBy}}; after that it goes to the next person.',
      '[Accept my place]({{statusUrl}})',
      'If you can no longer come, you can cancel from the same page so someone else gets the place.',
      SIGN_OFF,
    ],
  },
  'already-registered': {
    subject: 'You are already registered for {{eventName}}',
    paragraphs: [
      'Hi {{firstName}},',
      'Someone (probably you) tried to register this address for {{eventName}} again. You are already registered, so there is nothing more to do.',
      '[See your registration and its status]({{statusUrl}})',
      'If this was not you, you can ignore this email.',
      SIGN_OFF,
    ],
  },
  'sponsor-application-received': {
    subject: 'We received your sponsorship application for {{eventName}}',
    paragraphs: [
      'Hi {{firstName}},',
      'Thank you for applying to sponsor {{eventName}} on behalf of {{organizationName}}. Our partnerships team will review it and get back to you.',
      '[See your application and its status]({{statusUrl}})',
      SIGN_OFF,
    ],
  },
  'exhibitor-application-received': {
    subject: 'We received your exhibitor application for {{eventName}}',
    paragraphs: [
      'Hi {{firstName}},',
      'Thank you for applying to exhibit {{organizationName}} at {{eventName}}. We will review your application and get back to you.',
      '[See your application and its status]({{statusUrl}})',
      SIGN_OFF,
    ],
  },
  'volunteer-application-received': {
    subject: 'We received your volunteer application for {{eventName}}',
    paragraphs: [
      'Hi {{firstName}},',
      'Thank you for offering to volunteer at {{eventName}}. We will review your application and get back to you before the volunteer briefing.',
      '[See your application and its status]({{statusUrl}})',
      SIGN_OFF,
    ],
  },
  'application-accepted': {
    subject: 'Your {{formName}} for {{eventName}} is accepted',
    paragraphs: [
      'Hi {{firstName}},',
      'Good news: your {{formName}} for {{eventName}} has been accepted. We will be in touch shortly with the next steps.',
      '[See your application and its status]({{statusUrl}})',
      SIGN_OFF,
    ],
  },
  'application-rejected': {
    subject: 'Your {{formName}} for {{eventName}}',
    paragraphs: [
      'Hi {{firstName}},',
      'Thank you for your {{formName}} for {{eventName}}. We are unable to accept it this time, and we hope to see you at a future OTEI event.',
      '[See your application and its status]({{statusUrl}})',
      SIGN_OFF,
    ],
  },
  'application-waitlisted': {
    subject: 'Your {{formName}} for {{eventName}} is on the waitlist',
    paragraphs: [
      'Hi {{firstName}},',
      'Thank you for your {{formName}} for {{eventName}}. It is on our waitlist for now; we will let you know if a place opens up.',
      '[See your application and its status]({{statusUrl}})',
      SIGN_OFF,
    ],
  },
  'staff-new-submission': {
    subject: 'New {{formName}}: {{fullName}}',
    paragraphs: [
      'A new {{formName}} for {{eventName}} has arrived from {{fullName}} {{organizationName}}.',
      '[Open it in the admin]({{adminUrl}})',
    ],
  },
  'privacy-link': {
    subject: 'The data OTEI holds about you',
    paragraphs: [
      'Hello,',
      'Someone (probably you) asked to see the personal data OTEI holds about this email address. Follow this link to download it, or to ask us to erase it:',
      '[See my data]({{privacyUrl}})',
      'The link works until {{linkExpiresAt}}. If you did not ask, ignore this email: nothing changes.',
      SIGN_OFF,
    ],
  },
}

/** The email a key sends when no editor has written one: seeded as the editable default, and the fallback. */
export const defaultTemplate = (key: EmailTemplateKey): EmailContent => ({
  subject: DEFAULTS[key].subject,
  body: richTextFromParagraphs(DEFAULTS[key].paragraphs),
})
