import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { CONTENT_SLUGS } from '../helpers/content'
import { SEEDED_ADMIN } from '../helpers/credentials'
import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { appEnv, runCommand } from '../helpers/testDatabase'

let payload: Payload
let eventId: number

// The run's global setup has seeded this database once already (tests/helpers/globalSetup.int.ts).
beforeAll(async () => {
  payload = await getTestPayload()
  const { docs } = await payload.find({ collection: 'events', where: { slug: { equals: 'otei-2027' } }, limit: 1 })
  eventId = docs[0]!.id
})

// Other files upload media at the same time: only the seed's own files are counted.
const seedMedia = async () =>
  (await payload.count({ collection: 'media', where: { or: ['speaker-', 'partner-', 'otei-banner'].map((prefix) => ({ filename: { like: prefix } })) } })).totalDocs

const publicCount = async (slug: string) =>
  (await RestClient.anonymous().get(`/${slug}`, { query: { where: { event: { equals: eventId } }, limit: 1 } })).body.totalDocs as number

describe('the sample event as a newcomer sees it after npm run seed', () => {
  it('has a published programme: a dozen sessions in several rooms, speakers, partners of several tiers, FAQs and an about page', async () => {
    const sessions = await RestClient.anonymous().get('/sessions', {
      query: { where: { event: { equals: eventId } }, sort: 'startsAt', depth: 2, limit: 100 },
    })
    expect(sessions.body.totalDocs).toBe(12)
    expect(new Set(sessions.body.docs.map((session: { room: string }) => session.room)).size).toBeGreaterThanOrEqual(3)
    const speaker = sessions.body.docs.flatMap((session: { speakers: unknown[] }) => session.speakers)[0]
    expect(speaker.photo).toMatchObject({ mimeType: 'image/png', alt: expect.stringContaining('Portrait of') })
    expect(speaker.photo.sizes.thumbnail.url).toMatch(/\.webp$/)

    const partners = await RestClient.anonymous().get('/partners', { query: { where: { event: { equals: eventId } }, depth: 1 } })
    expect(new Set(partners.body.docs.map((partner: { tier: string }) => partner.tier))).toEqual(
      new Set(['headline', 'gold', 'silver', 'bronze', 'in-kind', 'exhibitor']),
    )
    expect(partners.body.docs.every((partner: { logo?: { url?: string } }) => partner.logo?.url)).toBe(true)

    const about = await RestClient.anonymous().get('/pages', { query: { where: { event: { equals: eventId }, slug: { equals: 'about' } } } })
    const blocks = about.body.docs[0].body.root.children.filter((node: { type: string }) => node.type === 'block')
    expect(blocks.map((block: { fields: { blockType: string } }) => block.fields.blockType)).toEqual(['image', 'callToAction'])
    expect(await publicCount('faqs')).toBeGreaterThanOrEqual(4)
  })

  it('is left as it is when the seed runs again', async () => {
    const before = await Promise.all(CONTENT_SLUGS.map(publicCount))
    const media = await seedMedia()
    const output = await runCommand(['tsx', 'src/scripts/seed.ts'], {
      ...appEnv(process.env.DATABASE_URL!),
      ADMIN_EMAIL: SEEDED_ADMIN.email,
      ADMIN_PASSWORD: SEEDED_ADMIN.password,
    })
    expect(output).toContain('event content exists, left unchanged')
    expect(await Promise.all(CONTENT_SLUGS.map(publicCount))).toEqual(before)
    expect(await seedMedia()).toBe(media)
  }, 120_000)
})
