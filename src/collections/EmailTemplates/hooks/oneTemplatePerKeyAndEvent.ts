import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { relationId } from '@/lib/relationId'

/** Two defaults for one email would leave it to chance which one is sent. */
export const oneTemplatePerKeyAndEvent: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const key = data.key ?? originalDoc?.key
  const event = relationId(data.event !== undefined ? data.event : originalDoc?.event) ?? null
  const { docs } = await req.payload.find({
    collection: 'email-templates',
    where: {
      and: [
        { key: { equals: key } },
        event === null ? { event: { exists: false } } : { event: { equals: event } },
        ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    limit: 1,
    depth: 0,
    select: {},
    overrideAccess: true,
    req,
  })
  if (docs.length) {
    const message = event === null ? 'A default template for this email already exists: edit that one.' : 'This event already has its own version of this email: edit that one.'
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'key', message }], req })
  }
  return data
}
