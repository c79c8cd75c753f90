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
import { lineField, paragraphField } from '@/fields/textFields'
import { guardPublicSubmission } from '@/hooks/guardPublicSubmission'
import { markSpam } from '@/hooks/markSpam'
import { normalizePhoneSearch } from '@/hooks/normalizePhoneSearch'
import { preventDuplicateSubmission } from '@/hooks/preventDuplicateSubmission'
import { queueSubmissionEmails } from '@/hooks/queueSubmissionEmails'
import { GENDERS, INTEREST_AREAS, PARTICIPANT_CATEGORIES, REGISTRATION_STATUSES } from '@/lib/choices'

import type { EmailTemplateKey } from '@/email/templateKeys'
import { confirmRegistration } from '@/endpoints/confirmRegistration'
import { registrationStatus } from '@/endpoints/registrationStatus'

import { applyDoubleOptIn } from './hooks/applyDoubleOptIn'
import { fillFullName } from './hooks/fillFullName'
import { sendAlreadyRegisteredNotice } from './hooks/sendAlreadyRegisteredNotice'

/** The first email a new registration gets, by the status it starts in. */
const FIRST_EMAIL_BY_STATUS: Partial<Record<string, EmailTemplateKey>> = {
  'pending-confirmation': 'registration-confirmation-request',
  confirmed: 'registration-received',
  waitlisted: 'registration-waitlisted',
}

export const Registrations: CollectionConfig = {
  slug: 'registrations',
  labels: { singular: 'Registration', plural: 'Registrations' },
  admin: {
    group: 'Submissions',
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'event', 'status', 'createdAt'],
    listSearchableFields: ['name', 'email', 'phone'],
    hidden: hiddenFromNonStaff,
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: {
    create: publicOrStaff, // the public registration form
    read: staffOrAdmin,
    update: staffOrAdmin,
    delete: adminOnly,
  },
  // Also (created_at, id) for the staff list: ./listIndex.ts.
  indexes: [{ fields: ['event', 'email'], unique: true }],
  hooks: {
    beforeOperation: [
      guardPublicSubmission({ captchaAction: 'register', linkFields: ['firstName', 'lastName', 'city', 'organizationName', 'role', 'hearAbout', 'specialRequests', 'accessibilityNeeds'] }),
      normalizePhoneSearch(['phone']),
    ],
    beforeChange: [
      markSpam,
      preventDuplicateSubmission('already registered for this event', sendAlreadyRegisteredNotice),
      applyDoubleOptIn,
      fillFullName,
    ],
    afterChange: [
      queueSubmissionEmails({
        onCreate: ({ status }) => (status ? FIRST_EMAIL_BY_STATUS[status] : undefined),
        onStatus: { confirmed: 'registration-confirmed', waitlisted: 'registration-waitlisted' },
      }),
    ],
  },
  endpoints: [...confirmRegistration, registrationStatus],
  fields: [
    eventField(),
    {
      type: 'row',
      fields: [
        lineField('firstName', { required: true, maxLength: 60 }),
        lineField('lastName', { required: true, maxLength: 60 }),
      ],
    },
    {
      name: 'name',
      type: 'text',
      admin: { readOnly: true, hidden: true },
    },
    contactFields(),
    {
      type: 'row',
      fields: [
        choiceField('gender', GENDERS),
        lineField('city', { required: true, maxLength: 80 }),
      ],
    },
    {
      type: 'row',
      fields: [
        lineField('organizationName', { maxLength: 120 }),
        lineField('role', { label: 'Role / job title', maxLength: 80 }),
        {
          name: 'yearsExperience',
          type: 'number',
          min: 0,
          max: 60,
          validate: (value: number | null | undefined) =>
            value === null || value === undefined || (Number.isInteger(value) && value >= 0 && value <= 60)
              ? true
              : 'Enter whole years from 0 to 60.',
        },
      ],
    },
    choiceField('participantCategories', PARTICIPANT_CATEGORIES, { required: true, hasMany: true }),
    choiceField('interestAreas', INTEREST_AREAS, { hasMany: true }),
    lineField('hearAbout', { label: 'How they heard about OTEI', maxLength: 200 }),
    paragraphField('specialRequests', { maxLength: 1000, access: { read: canReadPII } }),
    paragraphField('accessibilityNeeds', { maxLength: 1000, access: { read: canReadPII } }),
    {
      type: 'row',
      fields: [
        consentField('fullAttendance', 'Attends the whole event'),
        consentField('pitchStartup', 'Wants to pitch a startup'),
        consentField('postEventMentorship', 'Wants mentorship after the event'),
        consentField('joinCommunity', 'Joins the OTEI community'),
        consentField('agreeUpdates', 'Agrees to receive updates'),
      ],
    },
    consentField('physicalEventAck', 'Understands this is an in-person event', { required: true }),
    ...reviewFields({ statuses: REGISTRATION_STATUSES, initialStatus: 'pending-confirmation' }),
  ],
}
