import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import type { SubmissionSlug } from '@/submissions'

import { openEventData } from './events'

export { SUBMISSION_SLUGS, type SubmissionSlug } from '@/submissions'

export { openEventData } from './events'

/** The status a public submission starts in: registrations wait for their email confirmation. */
export const initialStatus = (collection: SubmissionSlug) =>
  collection === 'registrations' ? 'pending-confirmation' : 'submitted'

/** A status staff may move a new submission to (the first step of its workflow). */
export const reviewedStatus = (collection: SubmissionSlug) => (collection === 'registrations' ? 'waitlisted' : 'under-review')

const unique = () => randomBytes(4).toString('hex')

/** A published event whose registration window is open now. */
export async function createOpenEvent(payload: Payload, overrides: Record<string, unknown> = {}) {
  return payload.create({ collection: 'events', data: openEventData(overrides) })
}

/** A valid body for each public form, as a frontend would post it, with a fresh email. */
export function validSubmission(collection: SubmissionSlug, event: number): Record<string, unknown> {
  const email = `person-${unique()}@example.com`
  switch (collection) {
    case 'registrations':
      return {
        event,
        firstName: 'Ada',
        lastName: 'Okafor',
        email,
        phone: '0803 123 4567',
        gender: 'female',
        city: 'Ogbomoso',
        organizationName: 'LAUTECH',
        role: 'Student',
        yearsExperience: 2,
        participantCategories: ['student', 'developer'],
        interestAreas: ['fintech', 'ai-ml'],
        fullAttendance: true,
        hearAbout: 'A friend',
        specialRequests: 'Vegetarian lunch',
        accessibilityNeeds: 'Step-free access',
        pitchStartup: false,
        postEventMentorship: true,
        joinCommunity: true,
        agreeUpdates: true,
        physicalEventAck: true,
      }
    case 'sponsor-applications':
      return {
        event,
        orgName: 'Paystack',
        orgType: 'corporate',
        website: 'paystack.com',
        officeAddress: '3A Ladoke Akintola Road, Ogbomoso',
        contactPersonName: 'Tunde Bello',
        jobTitle: 'Partnerships lead',
        contactEmail: email,
        contactPhone: '+234 803 123 4567',
        sponsorTier: 'gold',
        sponsorBudget: '1m-5m',
        interests: ['brand-visibility', 'talent-recruitment'],
        outcomes: 'Meet developers',
        confirmed: true,
      }
    case 'exhibitor-applications':
      return {
        event,
        businessName: 'Oyo Agro Ventures',
        industryCategory: 'agritech',
        businessDescription: 'Cassava processing machines for small farms.',
        contactPersonName: 'Kemi Adeyemi',
        contactEmail: email,
        contactPhone: '08031234567',
        exhibitionPackage: 'standard-booth',
        powerInternetRequired: true,
        complianceDeclaration: true,
        termsAgreement: true,
      }
    case 'volunteer-applications':
      return {
        event,
        fullName: 'Bola Ige',
        ageRange: '18-24',
        email,
        phone: '0803 123 4567',
        location: 'Ogbomoso',
        volunteerArea: 'registration',
        skills: 'Customer service',
        availableOnEventDate: 'yes',
        briefingAvailable: 'maybe',
        motivation: 'To help my city',
        terms: true,
      }
  }
}

/** The field paths of a Payload validation error response. */
export const errorPaths = (body: { errors?: { data?: { errors?: { path: string }[] } }[] }): string[] =>
  (body.errors?.[0]?.data?.errors ?? []).map((error) => error.path)
