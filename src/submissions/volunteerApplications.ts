import { choiceField } from '@/fields/choiceField'
import { consentField } from '@/fields/consentField'
import { contactFields } from '@/fields/contactFields'
import { lineField, paragraphField } from '@/fields/textFields'
import { AGE_RANGES, APPLICATION_STATUSES, VOLUNTEER_AREAS, YES_NO_MAYBE } from '@/lib/choices'

import { APPLICATION_DECISION_EMAILS } from './applicationDecisionEmails'
import { defineSubmissionForm } from './SubmissionForm'
import { APPLICATION_WORKFLOW } from './workflow/workflows'

const contact = { email: 'email', phone: 'phone' }

export const volunteerApplications = defineSubmissionForm({
  slug: 'volunteer-applications',
  labels: { singular: 'Volunteer application', plural: 'Volunteer applications' },
  formName: 'volunteer application',
  guide: { submitPath: '/volunteer', listPath: '/admin/volunteers', receivedMessage: 'Volunteer application received' },
  captchaAction: 'volunteer',
  titleField: 'fullName',
  contact,
  person: { fullName: 'fullName' },
  listColumns: ['volunteerArea'],
  freeText: ['fullName', 'location', 'skills', 'motivation'],
  personal: ['fullName', 'email', 'phone', 'location', 'skills', 'motivation', 'reviewerNotes'],
  statuses: APPLICATION_STATUSES,
  workflow: APPLICATION_WORKFLOW,
  initialStatus: 'submitted',
  onePerEmail: { message: 'already applied to volunteer at this event' },
  emails: { received: () => 'volunteer-application-received', onStatus: APPLICATION_DECISION_EMAILS },
  fields: [
    {
      type: 'row',
      fields: [lineField('fullName', { required: true, maxLength: 120 }), choiceField('ageRange', AGE_RANGES, { required: true })],
    },
    contactFields(contact),
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
  ],
})
