import type { Block, TextField, TextFieldSingleValidation } from 'payload'

import { choiceField } from '@/fields/choiceField'
import { lineField } from '@/fields/textFields'
import { websiteField } from '@/fields/websiteField'
import { CALL_TO_ACTION_STYLES } from '@/lib/choices'

const SITE_PATH = /^\/[^\s/][^\s]*$|^\/$/

const website = websiteField('link', { required: true })
const websiteRule = website.validate as TextFieldSingleValidation

/** A page of the event's own site (/register) or a full web address. */
const linkField = {
  ...website,
  admin: { description: 'A path on the event’s website, e.g. /register, or a full address such as https://example.com.' },
  hooks: { beforeValidate: [({ value }) => (typeof value === 'string' && value.trim().startsWith('/') ? value.trim() : value)] },
  validate: ((value, options) =>
    typeof value === 'string' && value.startsWith('/')
      ? SITE_PATH.test(value) && value.length <= 300
        ? true
        : 'Enter a path such as /register, without spaces.'
      : websiteRule(value, options)) as TextFieldSingleValidation,
} as TextField

/** A button or link inviting the reader to act: register, apply to exhibit, read the agenda. */
export const CallToActionBlock: Block = {
  slug: 'callToAction',
  interfaceName: 'CallToActionBlock',
  labels: { singular: 'Call to action', plural: 'Calls to action' },
  fields: [
    lineField('label', { required: true, maxLength: 80 }),
    linkField,
    { ...choiceField('style', CALL_TO_ACTION_STYLES, { required: true }), defaultValue: 'primary' },
  ],
}
