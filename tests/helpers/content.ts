import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import { CONTENT_SLUGS } from '@/collections/contentDefaults'
import { richTextFromParagraphs } from '@/email/defaultTemplates'

import { openEventData } from './events'

export { CONTENT_SLUGS }
export type ContentSlug = (typeof CONTENT_SLUGS)[number]

/** What each content collection is called in GraphQL. */
export const CONTENT_GRAPHQL_NAMES: Record<ContentSlug, { singular: string; plural: string; title: string }> = {
  sessions: { singular: 'Session', plural: 'Sessions', title: 'title' },
  speakers: { singular: 'Speaker', plural: 'Speakers', title: 'name' },
  partners: { singular: 'Partner', plural: 'Partners', title: 'name' },
  faqs: { singular: 'Faq', plural: 'Faqs', title: 'question' },
  pages: { singular: 'Page', plural: 'Pages', title: 'title' },
}

/** The field each collection is listed by in the admin (its title). */
export const titleField = (slug: ContentSlug) => CONTENT_GRAPHQL_NAMES[slug].title

const unique = () => randomBytes(4).toString('hex')

export const richText = (text: string) => richTextFromParagraphs([text])

/**
 * A valid, publishable body for each content collection, in an event of openEventData (1 June
 * 2027, 08:00–17:00 UTC): a session has a room of its own, so that no two overlap.
 */
export function contentData(slug: ContentSlug, event: number, title = `Item ${unique()}`): Record<string, unknown> {
  switch (slug) {
    case 'sessions':
      return { title, kind: 'talk', startsAt: '2027-06-01T09:00:00.000Z', endsAt: '2027-06-01T10:00:00.000Z', room: `Room ${unique()}`, event }
    case 'speakers':
      return { name: title, jobTitle: 'Founder', organisation: 'Ignite Hub', event }
    case 'partners':
      return { name: title, tier: 'gold', website: 'https://partner.example', event }
    case 'faqs':
      return { question: title, answer: richText('An answer.'), order: 1, event }
    case 'pages':
      return { title, body: richText('Some words.'), event }
  }
}

/** A published event for content, with a fresh name and slug; its id. */
export const createContentEvent = async (payload: Payload, overrides: Record<string, unknown> = {}): Promise<number> =>
  (await payload.create({ collection: 'events', data: openEventData(overrides) })).id

/** A content document stored through the Local API, published or as a draft; its id. */
export async function storeContent(
  payload: Payload,
  slug: ContentSlug,
  event: number,
  { title, status = 'published' }: { title?: string; status?: 'published' | 'draft' } = {},
): Promise<number> {
  const doc = await payload.create({
    collection: slug,
    data: { ...contentData(slug, event, title), _status: status } as never,
    draft: status === 'draft',
  })
  return doc.id as number
}
