import type { SubmissionWorkflow } from '../SubmissionForm'

/**
 * Sponsor, exhibitor and volunteer applications: staff review, then decide; the applicant may
 * withdraw until the application is rejected (an accepted sponsor can still pull out). A
 * submission the honeypot caught can be put back as submitted, and staff can flag spam it missed.
 */
export const APPLICATION_WORKFLOW = {
  next: {
    submitted: ['under-review', 'withdrawn', 'spam'],
    'under-review': ['accepted', 'waitlisted', 'rejected', 'withdrawn'],
    waitlisted: ['accepted', 'rejected', 'withdrawn'],
    accepted: ['withdrawn'],
    spam: ['submitted'],
  },
  withdrawnStatus: 'withdrawn',
  decisions: ['accepted', 'waitlisted', 'rejected'],
} as const satisfies SubmissionWorkflow

/**
 * Registrations: the email confirmed (double opt-in), then a place or the waitlist; a place that
 * frees is offered to the first on the waitlist, who accepts or lets the offer lapse. The
 * registrant cancels from their status page; unconfirmed registrations and lapsed offers expire
 * (scheduled jobs). A place is never decided by staff, so there are no decisions to record.
 */
export const REGISTRATION_WORKFLOW = {
  next: {
    'pending-confirmation': ['confirmed', 'waitlisted', 'cancelled', 'expired', 'spam'],
    confirmed: ['cancelled'],
    waitlisted: ['offered', 'confirmed', 'cancelled'],
    offered: ['confirmed', 'expired', 'cancelled'],
    spam: ['pending-confirmation', 'confirmed'],
  },
  withdrawnStatus: 'cancelled',
  decisions: [],
  acceptOffer: { from: 'offered', to: 'confirmed' },
} as const satisfies SubmissionWorkflow
