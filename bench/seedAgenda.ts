/**
 * A published event with a full agenda for bench/agendaRead.ts: `--sessions` sessions (default 200)
 * in ten rooms, each with two of three speakers who have photos. Prints the event's id and the
 * agenda's path, to pass as `--path`.
 *
 *   DATABASE_URL=… PAYLOAD_SECRET=… FIELD_ENCRYPTION_KEY=… npx tsx bench/seedAgenda.ts [--sessions 200]
 */
import { randomBytes } from 'node:crypto'
import { getPayload } from 'payload'

import { slugify } from '@/fields/slugField'
import { DEFAULT_EVENT_TIMEZONE } from '@/lib/choices'
import { initialsAvatar } from '@/scripts/placeholderImages'

import config from '../payload.config'
import { numberOption } from './lib/options'

const SESSIONS = numberOption('sessions', 200)
const SLOT_MINUTES = 25
const ROOMS = 10
const DAY_STARTS = Date.parse('2027-06-01T08:00:00.000Z')

const payload = await getPayload({ config })
const context = { skipEmails: true }
const suffix = randomBytes(3).toString('hex')
const event = await payload.create({
  collection: 'events',
  data: {
    name: `Agenda bench ${suffix}`,
    slug: `agenda-bench-${suffix}`,
    startsAt: new Date(DAY_STARTS).toISOString(),
    endsAt: new Date(DAY_STARTS + (Math.ceil(SESSIONS / ROOMS) * SLOT_MINUTES + 60) * 60_000).toISOString(),
    timezone: DEFAULT_EVENT_TIMEZONE,
    _status: 'published',
  },
  context,
})
const speakers: number[] = []
for (const name of ['Ada Obi', 'Bola Ade', 'Chidi Eze']) {
  const photo = await payload.create({ collection: 'media', data: { alt: `Portrait of ${name}` }, file: await initialsAvatar(name, '#1f7a4d', `bench-${suffix}.png`), context })
  const speaker = await payload.create({ collection: 'speakers', data: { name, slug: slugify(name), event: event.id, photo: photo.id, _status: 'published' }, context })
  speakers.push(speaker.id)
}
for (let index = 0; index < SESSIONS; index++) {
  const startsAt = DAY_STARTS + Math.floor(index / ROOMS) * SLOT_MINUTES * 60_000
  await payload.create({
    collection: 'sessions',
    data: {
      event: event.id,
      title: `Session ${index + 1}`,
      kind: 'talk',
      room: `Room ${(index % ROOMS) + 1}`,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + SLOT_MINUTES * 60_000).toISOString(),
      speakers: [speakers[index % 3]!, speakers[(index + 1) % 3]!],
      _status: 'published',
    },
    context,
  })
}
console.log(`event ${event.id}: ${SESSIONS} sessions`)
console.log(`--path '/api/sessions?where[event][equals]=${event.id}&sort=startsAt&depth=2&limit=${SESSIONS}'`)
process.exit(0)
