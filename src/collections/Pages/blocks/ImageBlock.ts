import type { Block } from 'payload'

import { imageField } from '@/fields/imageField'
import { lineField } from '@/fields/textFields'

/** An image from the media library inside a page, with an optional caption. */
export const ImageBlock: Block = {
  slug: 'image',
  interfaceName: 'ImageBlock',
  labels: { singular: 'Image', plural: 'Images' },
  fields: [
    imageField('image', { required: true }),
    lineField('caption', { maxLength: 300 }),
  ],
}
