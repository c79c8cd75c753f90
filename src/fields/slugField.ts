import { type CollectionSlug, type FieldHook, type TextField, ValidationError } from 'payload'

import { relationId } from '@/lib/relationId'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const slugify = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)

const SLUG_MESSAGE = 'Use lower-case letters, digits and single hyphens, e.g. otei-2026.'

type SlugOptions = {
  /**
   * Unique only among the documents sharing this field's value (e.g. 'event': one "about" page per
   * event). The collection then declares the compound unique index on [uniquePer, 'slug'], the
   * guarantee; the check here turns a clash into a field error, for drafts too (Payload does not
   * validate drafts, and the index refuses them all the same).
   */
  uniquePer?: string
}

/** Refuses a slug another document with the same `scope` value already has. */
const uniqueWithin =
  (scope: string): FieldHook =>
  async ({ collection, originalDoc, req, siblingData, value }) => {
    const within = relationId(siblingData?.[scope] !== undefined ? siblingData[scope] : originalDoc?.[scope])
    if (typeof value !== 'string' || within === undefined || !collection) return value
    const { totalDocs } = await req.payload.count({
      collection: collection.slug as CollectionSlug,
      where: {
        and: [{ slug: { equals: value } }, { [scope]: { equals: within } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])],
      },
      req,
    })
    if (totalDocs > 0)
      throw new ValidationError({ collection: collection.slug, errors: [{ path: 'slug', message: `Another document of this ${scope} already uses the slug “${value}”.` }], req })
    return value
  }

/** A URL slug, filled from `from` when left empty; unique, or unique per `uniquePer`. */
export const slugField = (from: string, { uniquePer }: SlugOptions = {}): TextField => ({
  name: 'slug',
  type: 'text',
  required: true,
  unique: !uniquePer,
  index: true,
  maxLength: 80,
  admin: {
    position: 'sidebar',
    description: `Used in URLs${uniquePer ? ` (unique within its ${uniquePer})` : ''}. Left empty, it is made from the ${from}.`,
  },
  hooks: {
    beforeValidate: [
      ({ value, siblingData }) => {
        if (typeof value === 'string' && value.trim()) return slugify(value)
        const source = siblingData?.[from]
        return typeof source === 'string' ? slugify(source) : value
      },
    ],
    beforeChange: uniquePer ? [uniqueWithin(uniquePer)] : [],
  },
  validate: (value: unknown) => (typeof value === 'string' && SLUG_PATTERN.test(value) ? true : SLUG_MESSAGE),
})
