import type { DayCount } from './queries'

const HEIGHT = 200
const PLOT_TOP = 10
const PLOT_BOTTOM = HEIGHT - 26 // room for the day labels
const PLOT_HEIGHT = PLOT_BOTTOM - PLOT_TOP
/** Fewer days than this still spread over this many slots, so one day is not one fat bar. */
const MIN_SLOTS = 10

const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const longDayLabel = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
// Days are calendar dates of the event's time zone already (bucketed by PostgreSQL): read as UTC midnights.
const asDate = (day: string) => new Date(`${day}T00:00:00Z`)

/** Every calendar day from `first` to `last`, both included, as YYYY-MM-DD. */
function daysBetween(first: string, last: string): string[] {
  const days: string[] = []
  for (let time = asDate(first).getTime(); time <= asDate(last).getTime(); time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10))
  }
  return days
}

/** A round step for the count axis (1, 2, 5, 10, 20…) giving at most five gridlines above zero. */
function countStep(max: number): number {
  const rough = Math.max(max / 5, 1)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  return [1, 2, 5, 10].map((factor) => factor * magnitude).find((step) => step >= rough)!
}

/**
 * The days that get a label, by index: all of them when few, otherwise five spread out, of which
 * the first, middle and last are major (the only ones left on a phone, see custom.css).
 */
function dayLabels(count: number): Map<number, 'major' | 'minor'> {
  if (count <= 5) return new Map(Array.from({ length: count }, (_, index) => [index, 'major']))
  return new Map(Array.from({ length: 5 }, (_, k) => [Math.round((k * (count - 1)) / 4), k % 2 === 0 ? 'major' : 'minor']))
}

const percent = (value: number) => `${value.toFixed(3)}%`
const plural = (count: number, word: string) => `${count.toLocaleString('en-GB')} ${word}${count === 1 ? '' : 's'}`

/**
 * Registrations per day as inline SVG drawn on the server: no script, no inline styles (colours
 * come from classes in custom.css), so it renders under a strict CSP. Horizontal positions are
 * percentages, so the chart fills any width while its text keeps its size; the count axis is a
 * separate fixed-width SVG beside it. A caption and a table of the days say the same in text.
 */
export function RegistrationsChart({
  days,
  eventId,
  dayHref,
}: {
  days: DayCount[]
  eventId: number
  dayHref: (day: DayCount) => string
}) {
  if (!days.length) return <p className="otei-dashboard__empty">No registrations yet.</p>

  const byDay = new Map(days.map((day) => [day.day, day]))
  const calendar = daysBetween(days[0].day, days.at(-1)!.day)
  const total = days.reduce((sum, day) => sum + day.count, 0)
  const busiest = days.reduce((top, day) => (day.count > top.count ? day : top))
  const step = countStep(busiest.count)
  const axisTop = Math.ceil(busiest.count / step) * step
  const ticks = Array.from({ length: axisTop / step + 1 }, (_, index) => index * step)
  const yOf = (count: number) => PLOT_BOTTOM - (count / axisTop) * PLOT_HEIGHT

  const slots = Math.max(calendar.length, MIN_SLOTS)
  const slotWidth = 100 / slots
  const firstSlot = (slots - calendar.length) / 2
  const centreOf = (index: number) => (firstSlot + index + 0.5) * slotWidth
  const labels = dayLabels(calendar.length)

  const range =
    calendar.length === 1
      ? longDayLabel.format(asDate(calendar[0]))
      : `${longDayLabel.format(asDate(calendar[0]))} to ${longDayLabel.format(asDate(calendar.at(-1)!))}`
  const summary = `${plural(total, 'registration')} on ${plural(days.length, 'day')}, ${range}. Busiest day: ${longDayLabel.format(asDate(busiest.day))}, ${busiest.count.toLocaleString('en-GB')}. Spam not counted.`
  const titleId = `registrations-chart-title-${eventId}`
  const descriptionId = `registrations-chart-description-${eventId}`

  return (
    <figure className="otei-chart">
      <div className="otei-chart__frame">
        <svg className="otei-chart__count-axis" width="32" height={HEIGHT} aria-hidden="true">
          {ticks.map((tick) => (
            <text key={tick} x="28" y={yOf(tick) + 4} textAnchor="end">
              {tick.toLocaleString('en-GB')}
            </text>
          ))}
        </svg>
        <svg
          className="otei-chart__plot"
          width="100%"
          height={HEIGHT}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descriptionId}
        >
          <title id={titleId}>{`Registrations per day, ${range}`}</title>
          <desc id={descriptionId}>{summary}</desc>
          {ticks.map((tick) => (
            <line
              key={tick}
              className={tick === 0 ? 'otei-chart__baseline' : 'otei-chart__gridline'}
              x1="0"
              x2="100%"
              y1={yOf(tick)}
              y2={yOf(tick)}
            />
          ))}
          {calendar.map((day, index) => {
            const counted = byDay.get(day)
            return counted ? (
              <rect
                key={day}
                className="otei-chart__bar"
                x={percent(centreOf(index) - slotWidth * 0.35)}
                width={percent(slotWidth * 0.7)}
                y={yOf(counted.count)}
                height={PLOT_BOTTOM - yOf(counted.count)}
                rx="2"
              >
                <title>{`${longDayLabel.format(asDate(day))}: ${plural(counted.count, 'registration')}`}</title>
              </rect>
            ) : null
          })}
          {calendar.map((day, index) => {
            const kind = labels.get(index)
            if (!kind) return null
            const x = centreOf(index)
            // The outermost labels are anchored inwards so they are not cut at the edges.
            const anchor = x < 8 ? 'start' : x > 92 ? 'end' : 'middle'
            return (
              <text key={day} className={`otei-chart__day otei-chart__day--${kind}`} x={percent(x)} y={HEIGHT - 8} textAnchor={anchor}>
                {dayLabel.format(asDate(day))}
              </text>
            )
          })}
        </svg>
      </div>
      <figcaption className="otei-chart__summary">{summary}</figcaption>
      <details className="otei-chart__table">
        <summary>Registrations by day</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Registrations</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <td>{longDayLabel.format(asDate(day.day))}</td>
                <td>
                  <a href={dayHref(day)}>{day.count.toLocaleString('en-GB')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
