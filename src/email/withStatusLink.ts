import { richTextFromParagraphs } from './defaultTemplates'
import { placeholdersIn, richTextStrings, type EmailContent } from './renderEmail'
import { EMAIL_TEMPLATES, type EmailTemplateKey } from './templateKeys'

/**
 * Every email to the person a submission is from carries their status link (where they see it and
 * can withdraw). Wording an editor wrote without {{statusUrl}} gets it as a last line.
 */
export function withStatusLink(key: EmailTemplateKey, content: EmailContent): EmailContent {
  const spec = EMAIL_TEMPLATES[key]
  if ('toStaff' in spec || 'aboutAddress' in spec || richTextStrings(content.body).some((text) => placeholdersIn(text).includes('statusUrl'))) return content
  const [line] = richTextFromParagraphs(['[See where your {{formName}} stands]({{statusUrl}})']).root.children
  return { ...content, body: { ...content.body, root: { ...content.body.root, children: [...content.body.root.children, line] } } }
}
