import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import { escapeHtml } from '@/lib/htmlPage'

import type { EmailValues } from './templateKeys'

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g

export type EmailContent = { subject: string; body: SerializedEditorState }
export type RenderedEmail = { subject: string; html: string; text: string }

/** The placeholder names written in a piece of text, e.g. "Hi {{firstName}}" → ['firstName']. */
export const placeholdersIn = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((match) => match[1])

const fill = (text: string, values: EmailValues) =>
  text.replace(PLACEHOLDER, (_, name: string) => values[name as keyof EmailValues] ?? '')

type LexicalNode = { type?: string; text?: string; fields?: { url?: string }; children?: LexicalNode[] }

/** Every piece of text in a rich-text body in which a placeholder may stand: text and link targets. */
export function richTextStrings(body: SerializedEditorState | null | undefined): string[] {
  const strings: string[] = []
  const visit = (node: LexicalNode) => {
    if (typeof node.text === 'string') strings.push(node.text)
    if (typeof node.fields?.url === 'string') strings.push(node.fields.url)
    node.children?.forEach(visit)
  }
  if (body?.root) visit(body.root as LexicalNode)
  return strings
}

function fillRichText(node: LexicalNode, values: EmailValues): LexicalNode {
  return {
    ...node,
    ...(typeof node.text === 'string' && { text: fill(node.text, values) }),
    ...(typeof node.fields?.url === 'string' && { fields: { ...node.fields, url: fill(node.fields.url, values) } }),
    ...(node.children && { children: node.children.map((child) => fillRichText(child, values)) }),
  }
}

/**
 * A template with its placeholders filled in, as HTML and plain text. Values are inserted as
 * text, so the HTML converter escapes them: a name like "<b>Ada</b>" arrives as written, not bold.
 * The subject is a header: line breaks in values are flattened so they cannot add headers.
 */
export function renderEmail(content: EmailContent, values: EmailValues): RenderedEmail {
  const body = { ...content.body, root: fillRichText(content.body.root as LexicalNode, values) } as SerializedEditorState
  const subject = fill(content.subject, values).replace(/[\r\n]+/g, ' ').trim()
  const bodyHtml = convertLexicalToHTML({ data: body, disableContainer: true })
  const text = convertLexicalToPlaintext({
    data: body,
    converters: {
      link: ({ node, nodesToPlaintext }) => {
        const label = nodesToPlaintext({ nodes: node.children }).join('')
        const url = (node.fields as { url?: string }).url
        return url && url !== label ? `${label} (${url})` : label
      },
    },
  })
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">${bodyHtml}</div>
</body></html>`
  return { subject, html, text: text.trim() + '\n' }
}
