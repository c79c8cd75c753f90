import { canReadPII } from '@/access/fields/canReadPII'
import { SPONSOR_DECK_MIME_TYPES } from '@/collections/SponsorDecks'
import { choiceField } from '@/fields/choiceField'
import { consentField } from '@/fields/consentField'
import { contactFields } from '@/fields/contactFields'
import { lineField, paragraphField } from '@/fields/textFields'
import { websiteField } from '@/fields/websiteField'
import { APPLICATION_STATUSES, ORGANIZATION_TYPES, SPONSOR_BUDGETS, SPONSOR_INTERESTS, SPONSOR_TIERS } from '@/lib/choices'

import { APPLICATION_DECISION_EMAILS } from './applicationDecisionEmails'
import { defineSubmissionForm } from './SubmissionForm'
import { APPLICATION_WORKFLOW } from './workflow/workflows'

const contact = { email: 'contactEmail', phone: 'contactPhone' }

// An organisation may apply for several tiers, so there is no one-per-email rule.
export const sponsorApplications = defineSubmissionForm({
  slug: 'sponsor-applications',
  labels: { singular: 'Sponsor application', plural: 'Sponsor applications' },
  formName: 'sponsor application',
  guide: { submitPath: '/sponsors', listPath: '/admin/sponsors', receivedMessage: 'Sponsor application received' },
  captchaAction: 'sponsor',
  titleField: 'orgName',
  contact,
  person: { fullName: 'contactPersonName', organization: 'orgName' },
  listColumns: ['sponsorTier'],
  freeText: ['orgName', 'officeAddress', 'contactPersonName', 'jobTitle', 'outcomes'],
  // The organisation itself (name, website, what it hopes for) is not a person and stays for reports.
  personal: ['officeAddress', 'contactPersonName', 'jobTitle', 'contactEmail', 'contactPhone', 'reviewerNotes'],
  statuses: APPLICATION_STATUSES,
  workflow: APPLICATION_WORKFLOW,
  initialStatus: 'submitted',
  emails: { received: () => 'sponsor-application-received', onStatus: APPLICATION_DECISION_EMAILS },
  // The guide's example: an optional PDF deck, sent with the application.
  attachment: { field: 'deck', label: 'Sponsorship deck', collection: 'sponsor-decks', on: 'application', allowed: SPONSOR_DECK_MIME_TYPES },
  fields: [
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
      fields: [lineField('contactPersonName', { required: true, maxLength: 120 }), lineField('jobTitle', { maxLength: 100 })],
    },
    contactFields(contact),
    {
      type: 'row',
      fields: [choiceField('sponsorTier', SPONSOR_TIERS, { required: true, index: true }), choiceField('sponsorBudget', SPONSOR_BUDGETS)],
    },
    choiceField('interests', SPONSOR_INTERESTS, { hasMany: true }),
    paragraphField('outcomes', { label: 'Hoped-for outcomes', maxLength: 2000 }),
    consentField('confirmed', 'Confirms the details are accurate'),
  ],
})
