import { describe, expect, it } from 'vitest'

import { richTextFromParagraphs } from '@/email/defaultTemplates'
import { renderEmail } from '@/email/renderEmail'
import { withStatusLink } from '@/email/withStatusLink'

const values = { firstName: 'Ada', formName: 'volunteer application', statusUrl: 'https://api.otei.test/api/status?token=x' }

describe('every email to the person carries their status link', () => {
  it('added as a last line when an editor wrote the wording without {{statusUrl}}', () => {
    const content = { subject: 'Hi', body: richTextFromParagraphs(['Hi {{firstName}}, thanks.']) }
    const email = renderEmail(withStatusLink('volunteer-application-received', content), values)
    expect(email.text).toContain('See where your volunteer application stands (https://api.otei.test/api/status?token=x)')
    expect(email.html).toContain('href="https://api.otei.test/api/status?token=x"')
  })

  it('not twice when the wording has it, and never in the staff alert', () => {
    const own = { subject: 'Hi', body: richTextFromParagraphs(['[Your page]({{statusUrl}})']) }
    expect(renderEmail(withStatusLink('application-accepted', own), values).text.match(/api\/status/g)).toHaveLength(1)
    const alert = { subject: 'New', body: richTextFromParagraphs(['A new submission.']) }
    expect(renderEmail(withStatusLink('staff-new-submission', alert), values).text).not.toContain('api/status')
  })
})
