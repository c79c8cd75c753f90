import type { CollectionConfig } from 'payload'

import { adminOnly } from '@/access/adminOnly'
import { publicOrStaff } from '@/access/publicOrStaff'
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
import { EXHIBITION_PACKAGES, INDUSTRY_CATEGORIES } from '@/lib/choices'

export const ExhibitorApplications: CollectionConfig = {
  slug: 'exhibitor-applications',
  labels: { singular: 'Exhibitor application', plural: 'Exhibitor applications' },
  admin: {
    group: 'Submissions',
    useAsTitle: 'businessName',
    defaultColumns: ['businessName', 'contactEmail', 'exhibitionPackage', 'event', 'status', 'createdAt'],
    listSearchableFields: ['businessName', 'contactPersonName', 'contactEmail', 'contactPhone'],
    hidden: hiddenFromNonStaff,
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: {
    create: publicOrStaff, // the public exhibitor form
    read: staffOrAdmin,
    update: staffOrAdmin,
    delete: adminOnly,
  },
  hooks: {
    beforeOperation: [
      guardPublicSubmission({ captchaAction: 'exhibitor', linkFields: ['businessName', 'businessDescription', 'contactPersonName'] }),
      normalizePhoneSearch(['contactPhone']),
    ],
    beforeChange: [markSpam],
    afterChange: [
      queueSubmissionEmails({
        emailField: 'contactEmail',
        onCreate: () => 'exhibitor-application-received',
        onStatus: { accepted: 'application-accepted', rejected: 'application-rejected', waitlisted: 'application-waitlisted' },
      }),
    ],
  },
  fields: [
    eventField(),
    {
      type: 'row',
      fields: [
        lineField('businessName', { required: true, maxLength: 150 }),
        choiceField('industryCategory', INDUSTRY_CATEGORIES, { required: true }),
      ],
    },
    paragraphField('businessDescription', { required: true, maxLength: 2000 }),
    lineField('contactPersonName', { required: true, maxLength: 120 }),
    contactFields({ email: 'contactEmail', phone: 'contactPhone' }),
    {
      type: 'row',
      fields: [
        choiceField('exhibitionPackage', EXHIBITION_PACKAGES, { required: true, index: true }),
        consentField('powerInternetRequired', 'Needs power and internet at the booth'),
      ],
    },
    consentField('complianceDeclaration', 'Declares the products shown are lawful and safe', { required: true }),
    consentField('termsAgreement', 'Agrees to the exhibitor terms', { required: true }),
    ...reviewFields(),
  ],
}
