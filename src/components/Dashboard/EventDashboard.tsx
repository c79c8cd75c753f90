import type { Payload, TypedUser } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { EMAIL_STATUSES, SPAM_STATUS } from '@/lib/choices'
import { formatEventDate } from '@/lib/eventDate'
import { SUBMISSION_FORMS, submissionForm } from '@/submissions'
import { PLACE_TAKING_STATUSES } from '@/submissions/registrations/places'

import { adminListUrl, type ListFilter } from './adminListUrl'
import { DashboardCard, Unavailable } from './DashboardCard'
import { EventPicker } from './EventPicker'
import { PlacesCard } from './PlacesCard'
import { placeSummary, WAITLISTED_STATUS } from './places'
import { countFormsByStatus, countOutboxByStatus, countRegistrationsPerDay, countSubmissionsByStatus, type StatusCounts } from './queries'
import { RegistrationsChart } from './RegistrationsChart'
import { type DashboardEvent, selectEvent } from './selectEvent'
import { StatusCounts as StatusCountList, statusRows } from './StatusCounts'

const registrations = submissionForm('registrations')
const applicationForms = SUBMISSION_FORMS.filter((form) => form.slug !== registrations.slug)

const sum = (counts: StatusCounts) => Object.values(counts).reduce((total, count) => total + count, 0)

/** The events staff can pick from, oldest first; drafts included (staff prepare them). */
async function listEvents(payload: Payload, user: TypedUser): Promise<DashboardEvent[]> {
  const { docs } = await payload.find({
    collection: 'events',
    draft: true,
    pagination: false,
    sort: 'startsAt',
    depth: 0,
    select: { name: true, startsAt: true, endsAt: true, timezone: true, capacity: true, venue: true },
    user,
    overrideAccess: false,
  })
  return docs as DashboardEvent[]
}

/**
 * The staff view of one event: places, registrations by status, emails, registrations per day
 * and applications by form and status. Each card is one aggregate query; a card whose query
 * fails says so and the others still show.
 */
export async function EventDashboard({ payload, user, requestedEvent }: { payload: Payload; user: TypedUser; requestedEvent?: string }) {
  const adminRoute = payload.config.routes.admin
  const events = await listEvents(payload, user)
  const { event, requestedMissing } = selectEvent(events, requestedEvent, new Date())
  if (!event) {
    return (
      <section className="otei-dashboard" aria-label="Event dashboard">
        <p className="otei-dashboard__empty">
          No events yet. <a href={formatAdminURL({ adminRoute, path: '/collections/events/create' })}>Create the first event</a> to
          follow its registrations here.
        </p>
      </section>
    )
  }
  const { id } = event
  const inEvent: ListFilter = { event: { equals: id } }
  const listUrl = (slug: string, filter: ListFilter = {}) => adminListUrl(adminRoute, slug, { ...inEvent, ...filter })

  const [registrationCounts, applicationCounts, outboxCounts, perDay] = await Promise.allSettled([
    countSubmissionsByStatus(payload, registrations.slug, id),
    countFormsByStatus(payload, applicationForms.map((form) => form.slug), id),
    countOutboxByStatus(payload, id),
    countRegistrationsPerDay(payload, id, event.timezone),
  ])
  for (const result of [registrationCounts, applicationCounts, outboxCounts, perDay]) {
    if (result.status === 'rejected') payload.logger.error({ err: result.reason, msg: `dashboard: a card's query failed for event ${id}` })
  }

  return (
    <section className="otei-dashboard" aria-labelledby="otei-dashboard-event">
      <header className="otei-dashboard__header">
        <div>
          <p className="otei-dashboard__eyebrow">Event dashboard</p>
          <h2 id="otei-dashboard-event" className="otei-dashboard__title">
            {event.name}
          </h2>
          <p className="otei-dashboard__when">
            {formatEventDate(event.startsAt, event.timezone)}
            {event.venue ? ` · ${event.venue}` : ''}
          </p>
        </div>
        {events.length > 1 && <EventPicker events={events} selected={event} />}
      </header>
      {requestedMissing && (
        <p className="otei-dashboard__notice" role="status">
          No event has the id {requestedEvent}; showing {event.name}.
        </p>
      )}

      <div className="otei-dashboard__grid">
        {registrationCounts.status === 'fulfilled' ? (
          <PlacesCard
            places={placeSummary(registrationCounts.value, event.capacity)}
            takenHref={listUrl(registrations.slug, { status: { in: PLACE_TAKING_STATUSES } })}
            waitlistHref={listUrl(registrations.slug, { status: { equals: WAITLISTED_STATUS } })}
          />
        ) : (
          <DashboardCard id="otei-dashboard-places" title="Places">
            <Unavailable />
          </DashboardCard>
        )}

        <DashboardCard
          id="otei-dashboard-registrations"
          title="Registrations"
          total={
            registrationCounts.status === 'fulfilled'
              ? { count: sum(registrationCounts.value), label: 'in all', href: listUrl(registrations.slug) }
              : undefined
          }
        >
          {registrationCounts.status === 'fulfilled' ? (
            <StatusCountList
              rows={statusRows(registrations.statuses, registrationCounts.value)}
              href={(status) => listUrl(registrations.slug, { status: { equals: status } })}
            />
          ) : (
            <Unavailable />
          )}
        </DashboardCard>

        <DashboardCard
          id="otei-dashboard-emails"
          title="Emails"
          total={outboxCounts.status === 'fulfilled' ? { count: sum(outboxCounts.value), label: 'in all', href: listUrl('email-outbox') } : undefined}
        >
          {outboxCounts.status === 'fulfilled' ? (
            <>
              <StatusCountList
                rows={statusRows(EMAIL_STATUSES, outboxCounts.value)}
                href={(status) => listUrl('email-outbox', { status: { equals: status } })}
                alert={['failed']}
              />
              <p className="otei-dashboard__detail">
                <a href={listUrl('email-outbox', { status: { equals: 'failed' } })}>See the failed emails and why</a>
              </p>
            </>
          ) : (
            <Unavailable />
          )}
        </DashboardCard>

        <DashboardCard id="otei-dashboard-per-day" title="Registrations per day" wide>
          {perDay.status === 'fulfilled' ? (
            <RegistrationsChart
              days={perDay.value}
              eventId={id}
              dayHref={(day) =>
                listUrl(registrations.slug, {
                  createdAt: { greater_than_equal: day.startsAt, less_than: day.endsAt },
                  status: { not_equals: SPAM_STATUS.value },
                })
              }
            />
          ) : (
            <Unavailable />
          )}
        </DashboardCard>

        <DashboardCard id="otei-dashboard-applications" title="Applications" wide>
          {applicationCounts.status === 'fulfilled' ? (
            <div className="otei-dashboard__forms">
              {applicationForms.map((form) => {
                const counts = applicationCounts.value[form.slug]
                const headingId = `otei-dashboard-${form.slug}`
                return (
                  <section key={form.slug} className="otei-dashboard__form" aria-labelledby={headingId}>
                    <h4 id={headingId} className="otei-dashboard__form-title">
                      <a href={listUrl(form.slug)}>
                        {form.labels.plural} <span className="otei-dashboard__form-total">{sum(counts).toLocaleString('en-GB')}</span>
                      </a>
                    </h4>
                    <StatusCountList rows={statusRows(form.statuses, counts)} href={(status) => listUrl(form.slug, { status: { equals: status } })} />
                  </section>
                )
              })}
            </div>
          ) : (
            <Unavailable />
          )}
        </DashboardCard>
      </div>
    </section>
  )
}
