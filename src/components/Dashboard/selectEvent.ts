/** What the dashboard needs of an event. */
export type DashboardEvent = {
  id: number
  name: string
  startsAt: string
  endsAt: string
  timezone: string
  capacity?: number | null
  venue?: string | null
}

/**
 * The event the dashboard shows: the one asked for in `?event=` when it exists, otherwise the
 * next one that has not ended yet (an event under way counts: its day is when staff look most),
 * otherwise the latest. `requestedMissing` tells the page to say that the asked-for one was not found.
 */
export function selectEvent(
  events: readonly DashboardEvent[],
  requested: string | undefined,
  now: Date,
): { event: DashboardEvent | undefined; requestedMissing: boolean } {
  const asked = requested ? events.find((event) => String(event.id) === requested) : undefined
  if (asked) return { event: asked, requestedMissing: false }
  const byStart = [...events].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  const next = byStart.find((event) => Date.parse(event.endsAt) >= now.getTime())
  return { event: next ?? byStart.at(-1), requestedMissing: Boolean(requested) }
}
