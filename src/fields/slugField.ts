import type { CollectionSlug, TextField, Where } from 'payload'

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
   * guarantee; the check here only turns a clash into a field error.
   */
  uniquePer?: string
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
  },
  validate: async (value: unknown, { collectionSlug, id, req, siblingData }) => {
    if (typeof value !== 'string' || !SLUG_PATTERN.test(value)) return SLUG_MESSAGE
    const scope = uniquePer ? (siblingData as Record<string, unknown>)[uniquePer] : undefined
    if (!uniquePer || scope === undefined || scope === null || !collectionSlug) return true
    const clash: Where[] = [{ slug: { equals: value } }, { [uniquePer]: { equals: typeof scope === 'object' && 'id' in scope ? scope.id : scope } }]
    if (id !== undefined) clash.push({ id: { not_equals: id } })
    const { totalDocs } = await req.payload.count({ collection: collectionSlug as CollectionSlug, where: { and: clash }, req })
    return totalDocs === 0 ? true : `Another document of this ${uniquePer} already uses the slug “${value}”.`
  },
})
