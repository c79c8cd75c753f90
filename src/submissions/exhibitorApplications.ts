import { choiceField } from '@/fields/choiceField'
import { consentField } from '@/fields/consentField'
import { contactFields } from '@/fields/contactFields'
import { lineField, paragraphField } from '@/fields/textFields'
import { APPLICATION_STATUSES, EXHIBITION_PACKAGES, INDUSTRY_CATEGORIES } from '@/lib/choices'

import { APPLICATION_DECISION_EMAILS } from './applicationDecisionEmails'
import { defineSubmissionForm } from './SubmissionForm'
import { APPLICATION_WORKFLOW } from './workflow/workflows'

const contact = { email: 'contactEmail', phone: 'contactPhone' }

export const exhibitorApplications = defineSubmissionForm({
  slug: 'exhibitor-applications',
  labels: { singular: 'Exhibitor application', plural: 'Exhibitor applications' },
  formName: 'exhibitor application',
  guide: { submitPath: '/exhibitors', listPath: '/admin/exhibitors', receivedMessage: 'Exhibitor application received' },
  captchaAction: 'exhibitor',
  titleField: 'businessName',
  contact,
  person: { fullName: 'contactPersonName', organization: 'businessName' },
  listColumns: ['exhibitionPackage'],
  freeText: ['businessName', 'businessDescription', 'contactPersonName'],
  // The business itself (name, description) is not a person and stays for reports.
  personal: ['contactPersonName', 'contactEmail', 'contactPhone', 'reviewerNotes'],
  statuses: APPLICATION_STATUSES,
  workflow: APPLICATION_WORKFLOW,
  initialStatus: 'submitted',
  emails: { received: () => 'exhibitor-application-received', onStatus: APPLICATION_DECISION_EMAILS },
  fields: [
    {
      type: 'row',
      fields: [
        lineField('businessName', { required: true, maxLength: 150 }),
        choiceField('industryCategory', INDUSTRY_CATEGORIES, { required: true }),
      ],
    },
    paragraphField('businessDescription', { required: true, maxLength: 2000 }),
    lineField('contactPersonName', { required: true, maxLength: 120 }),
    contactFields(contact),
    {
      type: 'row',
      fields: [
        choiceField('exhibitionPackage', EXHIBITION_PACKAGES, { required: true, index: true }),
        consentField('powerInternetRequired', 'Needs power and internet at the booth'),
      ],
    },
    consentField('complianceDeclaration', 'Declares the products shown are lawful and safe', { required: true }),
    consentField('termsAgreement', 'Agrees to the exhibitor terms', { required: true }),
  ],
})
