import { randomBytes } from 'node:crypto'

const unique = () => randomBytes(4).toString('hex')

/** The data of a published event whose registration window is open now. */
export function openEventData(overrides: Record<string, unknown> = {}) {
  const suffix = unique()
  return {
    name: `Test Event ${suffix}`,
    slug: `test-event-${suffix}`,
    startsAt: '2027-06-01T08:00:00.000Z',
    endsAt: '2027-06-01T17:00:00.000Z',
    timezone: 'Africa/Lagos',
    registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
    registrationClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    _status: 'published' as const,
    ...overrides,
  }
}
