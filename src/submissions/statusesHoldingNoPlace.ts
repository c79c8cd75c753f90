import type { SubmissionStatus } from '@/lib/choices'

/** The statuses of a form in which a submission counts for nothing (spam, an expired registration). */
export const statusesHoldingNoPlace = (statuses: readonly SubmissionStatus[]): string[] =>
  statuses.filter((status) => status.holdsNoPlace).map((status) => status.value)
