import type { StatusCounts as Counts } from './queries'

type Status = { readonly value: string; readonly label: string }

export type StatusRow = { value: string; label: string; count: number }

/**
 * Every status of the list with its count (0 when none), then any status found in the database
 * that the list does not name (a value added since, or left from before), under its stored value:
 * the rows always add up to the total.
 */
export function statusRows(statuses: readonly Status[], counts: Counts): StatusRow[] {
  const named = statuses.map(({ value, label }) => ({ value, label, count: counts[value] ?? 0 }))
  const unnamed = Object.entries(counts)
    .filter(([value]) => !statuses.some((status) => status.value === value))
    .map(([value, count]) => ({ value, label: value, count }))
  return [...named, ...unnamed]
}

/** A list of statuses and their counts, each a link to the list of those rows. */
export function StatusCounts({
  rows,
  href,
  alert = [],
}: {
  rows: StatusRow[]
  href: (status: string) => string
  /** Statuses to draw attention to when they are not zero (failed emails). */
  alert?: readonly string[]
}) {
  return (
    <ul className="otei-dashboard__counts">
      {rows.map((row) => {
        const modifier = row.count === 0 ? ' otei-dashboard__count--zero' : alert.includes(row.value) ? ' otei-dashboard__count--alert' : ''
        return (
          <li key={row.value}>
            <a className={`otei-dashboard__count${modifier}`} href={href(row.value)}>
              <span className="otei-dashboard__count-label">{row.label}</span>{' '}
              <span className="otei-dashboard__count-value">{row.count.toLocaleString('en-GB')}</span>
            </a>
          </li>
        )
      })}
    </ul>
  )
}
