import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Payload, PayloadRequest } from 'payload'

import { defaultTemplate } from './defaultTemplates'
import type { EmailContent } from './renderEmail'
import type { EmailTemplateKey } from './templateKeys'

/**
 * The wording to send: the event's own version of the template, else the default one editors
 * maintain, else (if an editor deleted it) the built-in default.
 */
export async function loadTemplate(
  payload: Payload,
  key: EmailTemplateKey,
  eventId: number | null | undefined,
  req?: PayloadRequest,
): Promise<EmailContent> {
  const { docs } = await payload.find({
    collection: 'email-templates',
    where: {
      and: [
        { key: { equals: key } },
        eventId ? { or: [{ event: { equals: eventId } }, { event: { exists: false } }] } : { event: { exists: false } },
      ],
    },
    limit: 2,
    depth: 0,
    select: { subject: true, body: true, event: true },
    overrideAccess: true,
    req,
  })
  const template = docs.find((doc) => doc.event) ?? docs[0]
  return template
    ? { subject: template.subject, body: template.body as unknown as SerializedEditorState }
    : defaultTemplate(key)
}
