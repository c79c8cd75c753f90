import type { importExportPlugin } from '@payloadcms/plugin-import-export'
import type { CollectionSlug, FlattenedField } from 'payload'

import { DEFAULT_EVENT_TIMEZONE } from '@/lib/choices'

type Doc = Record<string, unknown>
// The plugin does not export its hook types; they are read off its options.
type ExportConfig = Exclude<Parameters<typeof importExportPlugin>[0]['collections'][number]['export'], boolean | undefined>
type ExportBeforeHook = NonNullable<NonNullable<ExportConfig['hooks']>['before']>

const humanize = (name: string) =>
  name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase()).replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`)

// The timestamps, named for what they mean to staff.
const TIMESTAMP_LABELS: Record<string, string> = { createdAt: 'Submitted at', updatedAt: 'Updated at' }

const labelOf = (field: FlattenedField): string =>
  TIMESTAMP_LABELS[field.name] ??
  (typeof (field as { label?: unknown }).label === 'string' ? (field as { label: string }).label : humanize(field.name))

// One formatter per time zone: creating one costs far more than using it (a third of a
// 100,000-row export's time when made per cell).
const formatters = new Map<string, Intl.DateTimeFormat>()
const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** "2027-03-20 09:00 +01:00": the moment in the event's own time zone, unambiguous in a spreadsheet. */
export function formatInZone(value: string, timeZone: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(date).map((part) => [part.type, part.value]))
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '')
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${offset}`
}

function cell(field: FlattenedField, value: unknown, timeZone: string): unknown {
  if (value === null || value === undefined) return ''
  switch (field.type) {
    case 'checkbox':
      return value ? 'Yes' : 'No'
    case 'select': {
      const labels = new Map(
        field.options.map((option) =>
          typeof option === 'string' ? [option, option] : [option.value, String(option.label)],
        ),
      )
      const values = Array.isArray(value) ? value : [value]
      return values.map((item) => labels.get(item as string) ?? item).join('; ')
    }
    case 'date':
      return formatInZone(value as string, timeZone)
    case 'relationship': {
      if (typeof value !== 'object') return value
      const related = value as Doc
      return related.name ?? related.email ?? related.id
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : value
  }
}

/**
 * CSV rows for people rather than machines: column headers are field labels, choices show their
 * labels (several joined with "; "), checkboxes Yes/No, times in the event's time zone, the event
 * and reviewer by name. Only fields present in the document get a column, so a field the
 * exporting user may not read (or did not select) has none.
 */
export const readableExportRows =
  (collection: CollectionSlug): ExportBeforeHook =>
  ({ data, format, originalData, req }) => {
    if (format !== 'csv') return data
    const columns = req.payload.collections[collection].config.flattenedFields.filter(
      (field) => !('hidden' in field && field.hidden) && field.type !== 'join',
    )
    return (originalData as Doc[]).map((doc) => {
      const event = doc.event as Doc | undefined
      const timeZone = typeof event?.timezone === 'string' ? event.timezone : DEFAULT_EVENT_TIMEZONE
      const row: Doc = { ID: doc.id }
      for (const field of columns) {
        if (field.name === 'id' || !(field.name in doc)) continue
        row[labelOf(field)] = cell(field, doc[field.name], timeZone)
      }
      return row
    })
  }
