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
import { lineField, paragraphField } from '@/fields/textFields'
import { guardPublicSubmission } from '@/hooks/guardPublicSubmission'
import { markSpam } from '@/hooks/markSpam'
import { normalizePhoneSearch } from '@/hooks/normalizePhoneSearch'
import { queueSubmissionEmails } from '@/hooks/queueSubmissionEmails'
import { preventDuplicateSubmission } from '@/hooks/preventDuplicateSubmission'
import { AGE_RANGES, VOLUNTEER_AREAS, YES_NO_MAYBE } from '@/lib/choices'

export const VolunteerApplications: CollectionConfig = {
  slug: 'volunteer-applications',
  labels: { singular: 'Volunteer application', plural: 'Volunteer applications' },
  admin: {
    group: 'Submissions',
    useAsTitle: 'fullName',
    defaultColumns: ['fullName', 'email', 'volunteerArea', 'event', 'status', 'createdAt'],
    listSearchableFields: ['fullName', 'email', 'phone'],
    hidden: hiddenFromNonStaff,
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: {
    create: publicOrStaff, // the public volunteer form
    read: staffOrAdmin,
    update: staffOrAdmin,
    delete: adminOnly,
  },
  indexes: [{ fields: ['event', 'email'], unique: true }],
  hooks: {
    beforeOperation: [
      guardPublicSubmission({ captchaAction: 'volunteer', linkFields: ['fullName', 'location', 'skills', 'motivation'] }),
      normalizePhoneSearch(['phone']),
    ],
    beforeChange: [markSpam, preventDuplicateSubmission('already applied to volunteer at this event')],
    afterChange: [
      queueSubmissionEmails({
        onCreate: () => 'volunteer-application-received',
        onStatus: { accepted: 'application-accepted', rejected: 'application-rejected', waitlisted: 'application-waitlisted' },
      }),
    ],
  },
  fields: [
    eventField(),
    {
      type: 'row',
      fields: [
        lineField('fullName', { required: true, maxLength: 120 }),
        choiceField('ageRange', AGE_RANGES, { required: true }),
      ],
    },
    contactFields(),
    {
      type: 'row',
      fields: [
        lineField('location', { required: true, maxLength: 80 }),
        choiceField('volunteerArea', VOLUNTEER_AREAS, { required: true, index: true }),
      ],
    },
    paragraphField('skills', { maxLength: 1000 }),
    {
      type: 'row',
      fields: [
        choiceField('availableOnEventDate', YES_NO_MAYBE, { label: 'Available on the event date', required: true }),
        choiceField('briefingAvailable', YES_NO_MAYBE, { label: 'Available for the briefing', required: true }),
      ],
    },
    paragraphField('motivation', { maxLength: 2000 }),
    consentField('terms', 'Agrees to the volunteer terms', { required: true }),
    ...reviewFields(),
  ],
}
