import type { Payload, TypedUser } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { formatEventDate } from '@/lib/eventDate'

import { DashboardCard } from './DashboardCard'

/**
 * The editors' view: the email wording and the events they look after. Editors cannot read
 * submissions, so nothing here counts them (and no submission query runs for them).
 */
export async function EditorDashboard({ payload, user }: { payload: Payload; user: TypedUser }) {
  const adminRoute = payload.config.routes.admin
  const url = (path: `/${string}`) => formatAdminURL({ adminRoute, path })
  const [templates, events, upcoming] = await Promise.all([
    payload.count({ collection: 'email-templates', user, overrideAccess: false }),
    payload.count({ collection: 'events', user, overrideAccess: false }),
    payload.find({
      collection: 'events',
      where: { endsAt: { greater_than_equal: new Date().toISOString() } },
      sort: 'startsAt',
      limit: 1,
      depth: 0,
      select: { name: true, startsAt: true, timezone: true },
      user,
      overrideAccess: false,
    }),
  ])
  const next = upcoming.docs[0]

  return (
    <section className="otei-dashboard" aria-labelledby="otei-dashboard-editor">
      <header className="otei-dashboard__header">
        <div>
          <p className="otei-dashboard__eyebrow">Content</p>
          <h2 id="otei-dashboard-editor" className="otei-dashboard__title">
            Emails and events
          </h2>
        </div>
      </header>
      <div className="otei-dashboard__grid otei-dashboard__grid--pair">
        <DashboardCard
          id="otei-dashboard-templates"
          title="Email templates"
          total={{ count: templates.totalDocs, label: templates.totalDocs === 1 ? 'template' : 'templates', href: url('/collections/email-templates') }}
        >
          <p className="otei-dashboard__detail">What each automatic email says, with a preview on sample data.</p>
          <p className="otei-dashboard__links">
            <a href={url('/collections/email-templates')}>Edit the templates</a>
            <a href={url('/collections/email-templates/create')}>Add a version for one event</a>
          </p>
        </DashboardCard>
        <DashboardCard
          id="otei-dashboard-events"
          title="Events"
          total={{ count: events.totalDocs, label: events.totalDocs === 1 ? 'event' : 'events', href: url('/collections/events') }}
        >
          <p className="otei-dashboard__detail">
            {next ? (
              <>
                Next: <a href={url(`/collections/events/${next.id}`)}>{next.name}</a>, {formatEventDate(next.startsAt, next.timezone)}
              </>
            ) : (
              'No upcoming event.'
            )}
          </p>
          <p className="otei-dashboard__links">
            <a href={url('/collections/events')}>All events</a>
          </p>
        </DashboardCard>
      </div>
    </section>
  )
}
