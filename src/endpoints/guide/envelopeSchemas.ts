/** The JSON schema of the guide's success envelope, for the OpenAPI document; errors: GuideErrors (src/plugins/openapi/errorAnswers.ts). */
export const SUCCESS_ENVELOPE = {
  type: 'object',
  required: ['status', 'message', 'data'],
  properties: {
    status: { const: 'success' },
    message: { type: 'string' },
    data: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
  },
}
