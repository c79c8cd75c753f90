import type { DashboardEvent } from './selectEvent'

const eventDay = (event: DashboardEvent) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: event.timezone }).format(new Date(event.startsAt))

/**
 * Which event the dashboard shows: a plain GET form, so it works without JavaScript and the
 * choice stays in the address (`?event=12`), to bookmark or share.
 */
export function EventPicker({ events, selected }: { events: readonly DashboardEvent[]; selected: DashboardEvent }) {
  return (
    <form className="otei-dashboard__picker" method="get">
      <label htmlFor="otei-dashboard-event-picker">Event</label>
      <select id="otei-dashboard-event-picker" name="event" defaultValue={String(selected.id)}>
        {events.map((event) => (
          <option key={event.id} value={event.id}>
            {`${event.name} (${eventDay(event)})`}
          </option>
        ))}
      </select>
      <button className="btn btn--style-secondary btn--size-small otei-dashboard__show" type="submit">
        Show
      </button>
    </form>
  )
}
