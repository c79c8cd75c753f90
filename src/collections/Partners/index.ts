import { type CollectionConfig, type RelationshipFieldValidation, validations } from 'payload'

import { canSeeApplications } from '@/access/fields/canSeeApplications'
import { choiceField } from '@/fields/choiceField'
import { contentEventField } from '@/fields/contentEventField'
import { imageField } from '@/fields/imageField'
import { lineField } from '@/fields/textFields'
import { websiteField } from '@/fields/websiteField'
import { PARTNER_TIERS } from '@/lib/choices'
import { readPublishedForPublic } from '@/hooks/readPublishedForPublic'

import { contentAccess, contentVersions } from '../contentDefaults'

/** Sponsors and exhibitors shown on an event's website. */
export const Partners: CollectionConfig = {
  slug: 'partners',
  labels: { singular: 'Partner', plural: 'Partners' },
  admin: {
    group: 'Content',
    useAsTitle: 'name',
    defaultColumns: ['name', 'tier', 'website', 'event', '_status'],
    listSearchableFields: ['name'],
    description: 'Sponsors (by tier) and exhibitors on the event’s website.',
  },
  defaultSort: 'name',
  access: contentAccess,
  versions: contentVersions,
  hooks: { beforeOperation: [readPublishedForPublic] },
  fields: [
    lineField('name', { required: true, maxLength: 150 }),
    { ...choiceField('tier', PARTNER_TIERS, { required: true, index: true }), admin: { description: 'Sponsors by tier; exhibitors as Exhibitor.' } },
    imageField('logo', { description: 'Prefer a PNG or WebP with a transparent background.' }),
    websiteField('website'),
    {
      name: 'application',
      label: 'From application',
      type: 'relationship',
      relationTo: ['sponsor-applications', 'exhibitor-applications'],
      // Submissions are personal data: editors and the public never see or set the link.
      access: { read: canSeeApplications, create: canSeeApplications, update: canSeeApplications },
      // Payload checks a kept link against filterOptions as the saving user, and an editor may not
      // read applications: only those who may set the link have it checked.
      validate: (async (value, options) =>
        (await canSeeApplications({ req: options.req })) ? validations.relationship(value, options) : true) as RelationshipFieldValidation,
      filterOptions: ({ data }) => ({ status: { equals: 'accepted' }, ...(data?.event ? { event: { equals: data.event } } : {}) }),
      admin: { position: 'sidebar', description: 'The accepted sponsor or exhibitor application of this event it came from (staff only).' },
    },
    contentEventField(),
  ],
}
