import type { ReactNode } from 'react'

/** One card of the dashboard: a titled section, with the total it counts linked beside the title. */
export function DashboardCard({
  id,
  title,
  total,
  wide = false,
  children,
}: {
  id: string
  title: string
  total?: { count: number; href: string; label: string }
  /** Spans the whole row (the chart, the applications). */
  wide?: boolean
  children: ReactNode
}) {
  return (
    <section className={`otei-dashboard__card${wide ? ' otei-dashboard__card--wide' : ''}`} aria-labelledby={id}>
      <header className="otei-dashboard__card-header">
        <h3 id={id} className="otei-dashboard__card-title">
          {title}
        </h3>
        {total && (
          <a className="otei-dashboard__total" href={total.href}>
            {`${total.count.toLocaleString('en-GB')} ${total.label}`}
          </a>
        )}
      </header>
      {children}
    </section>
  )
}

/** In place of a card's numbers when their query failed: the rest of the page still works. */
export function Unavailable() {
  return <p className="otei-dashboard__warning">These numbers could not be loaded just now; reload the page to try again.</p>
}
