import type { Payload, PayloadRequest } from 'payload'

import { defaultTemplate } from './defaultTemplates'
import { EMAIL_TEMPLATE_KEYS, type EmailTemplateKey } from './templateKeys'

/**
 * Creates the editable default template of every key (of `keys`) that has none; leaves edited ones
 * alone. A migration passes the keys its schema knows: a key added later has its own migration.
 * Not audited: nobody changed anything (and the first migrations run before the audit log exists).
 */
export async function ensureDefaultTemplates(
  payload: Payload,
  req?: PayloadRequest,
  keys: readonly EmailTemplateKey[] = EMAIL_TEMPLATE_KEYS,
): Promise<number> {
  const { docs } = await payload.find({
    collection: 'email-templates',
    where: { event: { exists: false } },
    pagination: false,
    depth: 0,
    select: { key: true },
    overrideAccess: true,
    req,
  })
  const existing = new Set(docs.map((doc) => doc.key))
  const missing = keys.filter((key) => !existing.has(key))
  for (const key of missing) {
    const { subject, body } = defaultTemplate(key)
    await payload.create({
      collection: 'email-templates',
      data: { key, subject, body: body as never },
      overrideAccess: true,
      depth: 0,
      req,
      context: { skipAudit: true },
    })
  }
  return missing.length
}
