import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { GenerateDescription, GenerateTitle } from '@payloadcms/plugin-seo/types'
import type { PayloadRequest } from 'payload'

import { relationId } from '@/lib/relationId'

/** Search engines show about 60 characters of a title and 155 of a description. */
const TITLE_MAX = 60
const DESCRIPTION_MAX = 155

type PageDraft = { title?: string; body?: SerializedEditorState | null; event?: unknown }

const eventName = async (req: PayloadRequest, event: unknown): Promise<string> => {
  const id = relationId(event)
  if (id === undefined) return 'OTEI'
  const found = await req.payload.findByID({ collection: 'events', id, depth: 0, req, disableErrors: true, select: { name: true } })
  return found?.name ?? 'OTEI'
}

const shorten = (text: string, max: number) => {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`
}

/** "About OTEI · Ogbomoso Tech & Entrepreneurship Ignite 2027", or "… · OTEI" when that is too long. */
export const generatePageTitle: GenerateTitle<PageDraft> = async ({ doc, req }) => {
  const title = doc?.title?.trim() || 'OTEI'
  const full = `${title} · ${await eventName(req, doc?.event)}`
  return full.length <= TITLE_MAX ? full : shorten(`${title} · OTEI`, TITLE_MAX)
}

/** The opening of the page's text; an empty page gets a line naming it and its event. */
export const generatePageDescription: GenerateDescription<PageDraft> = async ({ doc, req }) => {
  const text = doc?.body?.root ? convertLexicalToPlaintext({ data: doc.body }).replace(/\s+/g, ' ').trim() : ''
  if (text) return shorten(text, DESCRIPTION_MAX)
  return shorten(`${doc?.title?.trim() || 'OTEI'}: ${await eventName(req, doc?.event)}, Ogbomoso’s tech and entrepreneurship event.`, DESCRIPTION_MAX)
}
