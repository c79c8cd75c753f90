import { DashboardCard } from './DashboardCard'
import type { PlaceSummary } from './places'

/** Share of the capacity from which the bar turns to a warning colour. */
const NEARLY_FULL = 0.9

const count = (value: number) => value.toLocaleString('en-GB')

/** Places taken against the capacity, with a bar, and the waitlist; both numbers link to their lists. */
export function PlacesCard({ places, takenHref, waitlistHref }: { places: PlaceSummary; takenHref: string; waitlistHref: string }) {
  const { taken, capacity, waitlisted, share } = places
  const state = share === null ? '' : share > 1 ? ' otei-meter--over' : share >= NEARLY_FULL ? ' otei-meter--full' : ''
  return (
    <DashboardCard id="otei-dashboard-places" title="Places">
      <p className="otei-dashboard__headline">
        <a href={takenHref}>
          <strong>{count(taken)}</strong>
          {capacity === null ? ` ${taken === 1 ? 'place' : 'places'} taken` : ` of ${count(capacity)} places taken`}
        </a>
      </p>
      {share !== null && (
        // The figures above say it all; the bar is for the eye only.
        <svg className={`otei-meter${state}`} width="100%" height="10" aria-hidden="true">
          <rect className="otei-meter__track" width="100%" height="10" rx="5" />
          {taken > 0 && <rect className="otei-meter__fill" width={`${(Math.min(share, 1) * 100).toFixed(2)}%`} height="10" rx="5" />}
        </svg>
      )}
      <p className="otei-dashboard__detail">
        <a href={waitlistHref}>{count(waitlisted)} waitlisted</a>
        {' · '}
        {capacity === null
          ? 'no capacity set'
          : taken > capacity
            ? <span className="otei-dashboard__warning">{count(taken - capacity)} over capacity</span>
            : `${count(capacity - taken)} ${capacity - taken === 1 ? 'place' : 'places'} left`}
      </p>
    </DashboardCard>
  )
}
