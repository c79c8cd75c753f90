import { canReadPII } from '@/access/fields/canReadPII'
import { confirmationDeadline, confirmUrl } from '@/email/registrationLinks'
import type { EmailTemplateKey } from '@/email/templateKeys'
import { confirmRegistration } from '@/endpoints/confirmRegistration'
import { registrationStatus } from '@/endpoints/registrationStatus'
import { choiceField } from '@/fields/choiceField'
import { consentField } from '@/fields/consentField'
import { contactFields } from '@/fields/contactFields'
import { lineField, paragraphField } from '@/fields/textFields'
import { GENDERS, INTEREST_AREAS, PARTICIPANT_CATEGORIES, REGISTRATION_STATUSES } from '@/lib/choices'
import { formatEventDate } from '@/lib/eventDate'

import { defineSubmissionForm } from '../SubmissionForm'
import { REGISTRATION_WORKFLOW } from '../workflow/workflows'
import { fillFullName } from './hooks/fillFullName'
import { holdPlaceOrWaitlist } from './hooks/holdPlaceOrWaitlist'
import { offerDeletedPlace, offerFreedPlace } from './hooks/offerFreedPlaces'
import { registrationStatusOnCreate } from './registrationStatusOnCreate'
import { sendAlreadyRegisteredNotice } from './sendAlreadyRegisteredNotice'
import { waitlistFields } from './waitlistFields'

const contact = { email: 'email', phone: 'phone' }

/** The first email a new registration gets, by the status it starts in. */
const RECEIVED_EMAIL_BY_STATUS: Partial<Record<string, EmailTemplateKey>> = {
  'pending-confirmation': 'registration-confirmation-request',
  confirmed: 'registration-received',
  waitlisted: 'registration-waitlisted',
}

type RegistrationRef = { id: number; createdAt: string; offerExpiresAt?: string | null }

export const registrations = defineSubmissionForm({
  slug: 'registrations',
  labels: { singular: 'Registration', plural: 'Registrations' },
  formName: 'registration',
  guide: { submitPath: '/register', listPath: '/admin/registrations', receivedMessage: 'Registration received' },
  captchaAction: 'register',
  titleField: 'name',
  contact,
  // `name` is kept in step with first and last name (fillFullName).
  person: { fullName: 'name', firstName: 'firstName', organization: 'organizationName' },
  listColumns: ['waitlistPosition'],
  freeText: ['firstName', 'lastName', 'city', 'organizationName', 'role', 'hearAbout', 'specialRequests', 'accessibilityNeeds'],
  // `city` and `hearAbout` are typed freely and can hold an address or a friend's name.
  personal: [
    'firstName',
    'lastName',
    'name',
    'email',
    'phone',
    'city',
    'organizationName',
    'role',
    'hearAbout',
    'specialRequests',
    'accessibilityNeeds',
    'reviewerNotes',
  ],
  statuses: REGISTRATION_STATUSES,
  workflow: REGISTRATION_WORKFLOW,
  initialStatus: registrationStatusOnCreate,
  onePerEmail: { message: 'already registered for this event', onDuplicate: sendAlreadyRegisteredNotice },
  emails: {
    received: (status) => RECEIVED_EMAIL_BY_STATUS[status],
    onStatus: { confirmed: 'registration-confirmed', waitlisted: 'registration-waitlisted', offered: 'registration-offered' },
    values: (payload, doc) => {
      const registration = doc as RegistrationRef & typeof doc
      const timeZone = (doc.event as { timezone?: string } | undefined)?.timezone
      return {
        confirmUrl: confirmUrl(payload, registration),
        confirmBy: formatEventDate(confirmationDeadline(registration).toISOString(), timeZone),
        acceptBy: registration.offerExpiresAt ? formatEventDate(registration.offerExpiresAt, timeZone) : '',
      }
    },
  },
  beforeChange: [fillFullName, holdPlaceOrWaitlist],
  afterChange: [offerFreedPlace],
  afterDelete: [offerDeletedPlace],
  endpoints: [...confirmRegistration, registrationStatus],
  fields: [
    {
      type: 'row',
      fields: [
        lineField('firstName', { required: true, maxLength: 60 }),
        lineField('lastName', { required: true, maxLength: 60 }),
      ],
    },
    { name: 'name', type: 'text', admin: { readOnly: true, hidden: true } },
    contactFields(contact),
    {
      type: 'row',
      fields: [choiceField('gender', GENDERS), lineField('city', { required: true, maxLength: 80 })],
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
    ...waitlistFields,
  ],
})
