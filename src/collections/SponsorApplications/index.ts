import type { CollectionConfig } from 'payload'

import { adminOnly } from '@/access/adminOnly'
import { publicOrStaff } from '@/access/publicOrStaff'
import { canReadPII } from '@/access/fields/canReadPII'
import { hiddenFromNonStaff } from '@/access/hiddenFromNonStaff'
import { staffOrAdmin } from '@/access/staffOrAdmin'
import { choiceField } from '@/fields/choiceField'
import { consentField } from '@/fields/consentField'
import { contactFields } from '@/fields/contactFields'
import { eventField } from '@/fields/eventField'
import { reviewFields } from '@/fields/reviewFields'
import { guardPublicSubmission } from '@/hooks/guardPublicSubmission'
import { markSpam } from '@/hooks/markSpam'
import { normalizePhoneSearch } from '@/hooks/normalizePhoneSearch'
import { queueSubmissionEmails } from '@/hooks/queueSubmissionEmails'
import { lineField, paragraphField } from '@/fields/textFields'
import { websiteField } from '@/fields/websiteField'
import { ORGANIZATION_TYPES, SPONSOR_BUDGETS, SPONSOR_INTERESTS, SPONSOR_TIERS } from '@/lib/choices'

export const SponsorApplications: CollectionConfig = {
  slug: 'sponsor-applications',
  labels: { singular: 'Sponsor application', plural: 'Sponsor applications' },
  admin: {
    group: 'Submissions',
    useAsTitle: 'orgName',
    defaultColumns: ['orgName', 'contactEmail', 'sponsorTier', 'event', 'status', 'createdAt'],
    listSearchableFields: ['orgName', 'contactPersonName', 'contactEmail', 'contactPhone'],
    hidden: hiddenFromNonStaff,
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: {
    create: publicOrStaff, // the public sponsor form
    read: staffOrAdmin,
    update: staffOrAdmin,
    delete: adminOnly,
  },
  hooks: {
    beforeOperation: [
      guardPublicSubmission({ captchaAction: 'sponsor', linkFields: ['orgName', 'officeAddress', 'contactPersonName', 'jobTitle', 'outcomes'] }),
      normalizePhoneSearch(['contactPhone']),
    ],
    beforeChange: [markSpam],
    afterChange: [
      queueSubmissionEmails({
        emailField: 'contactEmail',
        onCreate: () => 'sponsor-application-received',
        onStatus: { accepted: 'application-accepted', rejected: 'application-rejected', waitlisted: 'application-waitlisted' },
      }),
    ],
  },
  fields: [
    eventField(),
    {
      type: 'row',
      fields: [
        lineField('orgName', { label: 'Organisation', required: true, maxLength: 150 }),
        choiceField('orgType', ORGANIZATION_TYPES, { label: 'Organisation type', required: true }),
      ],
    },
    websiteField(),
    paragraphField('officeAddress', { maxLength: 300, access: { read: canReadPII } }),
    {
      type: 'row',
      fields: [
        lineField('contactPersonName', { required: true, maxLength: 120 }),
        lineField('jobTitle', { maxLength: 100 }),
      ],
    },
    contactFields({ email: 'contactEmail', phone: 'contactPhone' }),
    {
      type: 'row',
      fields: [
        choiceField('sponsorTier', SPONSOR_TIERS, { required: true, index: true }),
        choiceField('sponsorBudget', SPONSOR_BUDGETS),
      ],
    },
    choiceField('interests', SPONSOR_INTERESTS, { hasMany: true }),
    paragraphField('outcomes', { label: 'Hoped-for outcomes', maxLength: 2000 }),
    consentField('confirmed', 'Confirms the details are accurate'),
    ...reviewFields(),
  ],
}
