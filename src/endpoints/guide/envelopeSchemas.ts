/** JSON schemas of the guide's envelope, for the OpenAPI document. */
export const SUCCESS_ENVELOPE = {
  type: 'object',
  properties: {
    status: { const: 'success' },
    message: { type: 'string' },
    data: { type: 'object', properties: { id: { type: 'integer' } } },
  },
}

export const ERROR_ENVELOPE = {
  type: 'object',
  properties: {
    status: { const: 'error' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: ['string', 'null'] }, message: { type: 'string' } },
      },
    },
  },
}
