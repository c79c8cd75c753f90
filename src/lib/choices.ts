/**
 * Choice lists, defined once. `value` is what is stored and sent over the API (lower-case,
 * hyphenated); `label` is what people read. docs/api.md lists the same values.
 */

type Choice = { readonly value: string; readonly label: string }
export type ChoiceValue<List extends readonly Choice[]> = List[number]['value']

export const ROLES = ['admin', 'staff', 'editor'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  staff: 'Staff',
  editor: 'Editor',
}

export const DEFAULT_EVENT_TIMEZONE = 'Africa/Lagos'

/**
 * A submission's status. `holdsNoPlace`: a submission in it is kept for the record but counts for
 * nothing, the one-per-email rule included.
 */
export type SubmissionStatus = Choice & { readonly holdsNoPlace?: true }

/** The status of a submission caught by the honeypot: answered as accepted, kept for review. */
export const SPAM_STATUS = { value: 'spam', label: 'Spam (caught by the honeypot)', holdsNoPlace: true } as const

/** Where a sponsor, exhibitor or volunteer application stands. */
export const APPLICATION_STATUSES = [
  { value: 'submitted', label: 'Submitted' },
  { value: 'under-review', label: 'Under review' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'waitlisted', label: 'Waitlisted' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'withdrawn', label: 'Withdrawn' },
  SPAM_STATUS,
] as const satisfies readonly SubmissionStatus[]

/** Where a registration stands: double opt-in first, then the place at the event. */
export const REGISTRATION_STATUSES = [
  { value: 'pending-confirmation', label: 'Waiting for email confirmation' },
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'waitlisted', label: 'Waitlisted' },
  { value: 'offered', label: 'Offered a place (from the waitlist)' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'expired', label: 'Expired (not confirmed in time)', holdsNoPlace: true },
  SPAM_STATUS,
] as const satisfies readonly SubmissionStatus[]

export const SECURITY_EVENT_KINDS = [
  { value: 'captcha-failed', label: 'Captcha failed' },
  { value: 'captcha-unavailable', label: 'Captcha provider unavailable' },
  { value: 'honeypot', label: 'Honeypot filled' },
  { value: 'too-many-links', label: 'Too many links' },
  { value: 'body-too-large', label: 'Request body too large' },
  { value: 'rate-limited', label: 'Rate limit reached' },
  { value: 'two-factor-failed', label: 'Wrong two-factor code' },
  { value: 'upload-infected', label: 'Infected upload refused' },
] as const

/** What an audit-log entry records (src/collections/AuditLog). */
export const AUDIT_ACTIONS = [
  { value: 'create', label: 'Created' },
  { value: 'update', label: 'Changed' },
  { value: 'delete', label: 'Deleted' },
  { value: 'export', label: 'Exported' },
  { value: 'erase', label: 'Erased (data-subject request)' },
  { value: 'anonymise', label: 'Anonymised (retention)' },
  { value: 'login', label: 'Signed in' },
  { value: 'login-failed', label: 'Sign-in refused' },
] as const

export const GENDERS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'prefer-not-to-say', label: 'Prefer not to say' },
] as const

export const PARTICIPANT_CATEGORIES = [
  { value: 'student', label: 'Student' },
  { value: 'startup-founder', label: 'Startup founder' },
  { value: 'entrepreneur', label: 'Entrepreneur / business owner' },
  { value: 'developer', label: 'Software developer' },
  { value: 'designer', label: 'Designer' },
  { value: 'product-manager', label: 'Product manager' },
  { value: 'data-professional', label: 'Data / AI professional' },
  { value: 'investor', label: 'Investor' },
  { value: 'corporate-professional', label: 'Corporate professional' },
  { value: 'academic', label: 'Lecturer / researcher' },
  { value: 'government-ngo', label: 'Government / NGO' },
  { value: 'job-seeker', label: 'Job seeker' },
  { value: 'other', label: 'Other' },
] as const

export const INTEREST_AREAS = [
  { value: 'fintech', label: 'Fintech' },
  { value: 'agritech', label: 'Agritech' },
  { value: 'healthtech', label: 'Healthtech' },
  { value: 'edtech', label: 'Edtech' },
  { value: 'ai-ml', label: 'AI & machine learning' },
  { value: 'software-development', label: 'Software development' },
  { value: 'product-design', label: 'Product & design' },
  { value: 'data-science', label: 'Data science' },
  { value: 'cybersecurity', label: 'Cybersecurity' },
  { value: 'blockchain', label: 'Blockchain & web3' },
  { value: 'hardware-iot', label: 'Hardware & IoT' },
  { value: 'e-commerce', label: 'E-commerce' },
  { value: 'creative-economy', label: 'Creative economy' },
  { value: 'clean-energy', label: 'Clean energy' },
  { value: 'startup-funding', label: 'Startup funding' },
  { value: 'career-growth', label: 'Career growth' },
] as const

export const ORGANIZATION_TYPES = [
  { value: 'startup', label: 'Startup' },
  { value: 'sme', label: 'Small or medium business' },
  { value: 'corporate', label: 'Corporate' },
  { value: 'financial-institution', label: 'Bank / financial institution' },
  { value: 'investor', label: 'Investor / VC' },
  { value: 'ngo-foundation', label: 'NGO / foundation' },
  { value: 'government', label: 'Government agency' },
  { value: 'academic', label: 'University / school' },
  { value: 'media', label: 'Media' },
  { value: 'other', label: 'Other' },
] as const

export const SPONSOR_TIERS = [
  { value: 'headline', label: 'Headline' },
  { value: 'platinum', label: 'Platinum' },
  { value: 'gold', label: 'Gold' },
  { value: 'silver', label: 'Silver' },
  { value: 'bronze', label: 'Bronze' },
  { value: 'in-kind', label: 'In-kind partner' },
] as const

/** Naira ranges. */
export const SPONSOR_BUDGETS = [
  { value: 'under-500k', label: 'Under ₦500,000' },
  { value: '500k-1m', label: '₦500,000 – ₦1,000,000' },
  { value: '1m-5m', label: '₦1,000,000 – ₦5,000,000' },
  { value: '5m-10m', label: '₦5,000,000 – ₦10,000,000' },
  { value: 'over-10m', label: 'Over ₦10,000,000' },
] as const

export const SPONSOR_INTERESTS = [
  { value: 'brand-visibility', label: 'Brand visibility' },
  { value: 'talent-recruitment', label: 'Talent recruitment' },
  { value: 'product-launch', label: 'Product launch / demo' },
  { value: 'speaking-slot', label: 'Speaking slot' },
  { value: 'exhibition-booth', label: 'Exhibition booth' },
  { value: 'startup-support', label: 'Supporting startups' },
  { value: 'community-impact', label: 'Community impact / CSR' },
  { value: 'networking', label: 'Networking' },
] as const

export const INDUSTRY_CATEGORIES = [
  { value: 'fintech', label: 'Fintech' },
  { value: 'agritech', label: 'Agritech' },
  { value: 'healthtech', label: 'Healthtech' },
  { value: 'edtech', label: 'Edtech' },
  { value: 'software-it', label: 'Software & IT services' },
  { value: 'hardware-electronics', label: 'Hardware & electronics' },
  { value: 'e-commerce-retail', label: 'E-commerce & retail' },
  { value: 'creative-media', label: 'Creative & media' },
  { value: 'energy', label: 'Energy' },
  { value: 'logistics', label: 'Logistics & mobility' },
  { value: 'food-agro-processing', label: 'Food & agro-processing' },
  { value: 'fashion-crafts', label: 'Fashion & crafts' },
  { value: 'other', label: 'Other' },
] as const

export const EXHIBITION_PACKAGES = [
  { value: 'startup-table', label: 'Startup table' },
  { value: 'standard-booth', label: 'Standard booth' },
  { value: 'premium-booth', label: 'Premium booth' },
] as const

export const AGE_RANGES = [
  { value: 'under-18', label: 'Under 18' },
  { value: '18-24', label: '18–24' },
  { value: '25-34', label: '25–34' },
  { value: '35-44', label: '35–44' },
  { value: '45-plus', label: '45 and over' },
] as const

export const VOLUNTEER_AREAS = [
  { value: 'registration', label: 'Registration & check-in' },
  { value: 'logistics', label: 'Logistics & ushering' },
  { value: 'technical', label: 'Technical / AV support' },
  { value: 'media', label: 'Photography & media' },
  { value: 'social-media', label: 'Social media' },
  { value: 'speaker-liaison', label: 'Speaker liaison' },
  { value: 'hospitality', label: 'Hospitality' },
] as const

export const YES_NO_MAYBE = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'maybe', label: 'Maybe' },
] as const

export const EMAIL_STATUSES = [
  { value: 'queued', label: 'Queued' },
  { value: 'sending', label: 'Sending' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed (gave up)' },
] as const

/** What an agenda item is (src/collections/Sessions). */
export const SESSION_KINDS = [
  { value: 'talk', label: 'Talk' },
  { value: 'panel', label: 'Panel' },
  { value: 'workshop', label: 'Workshop' },
  { value: 'pitch', label: 'Pitch' },
  { value: 'break', label: 'Break' },
] as const

/** A partner on the event's website: the sponsor tiers, and exhibitors, who buy a stand rather than a tier. */
export const PARTNER_TIERS = [...SPONSOR_TIERS, { value: 'exhibitor', label: 'Exhibitor' }] as const

/** How a call to action in a page looks. */
export const CALL_TO_ACTION_STYLES = [
  { value: 'primary', label: 'Primary (filled button)' },
  { value: 'secondary', label: 'Secondary (outlined button)' },
  { value: 'link', label: 'Plain link' },
] as const
