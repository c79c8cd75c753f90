import type { Endpoint } from 'payload'

import type { SubmissionSlug } from '@/submissions'
import { submissionFields } from '@/submissions/submissionCollection'
import type { SubmissionForm } from '@/submissions/SubmissionForm'

import { errorResponse, success } from './envelope'
import { ERROR_ENVELOPE, SUCCESS_ENVELOPE } from './envelopeSchemas'
import { guideBodySchema } from './guideSchema'
import { readFormBody } from './readFormBody'

/**
 * POST /api/<path>/ for a frontend written against the requirements guide: snake_case fields in,
 * the guide's envelope out. It creates through the collection with the caller's own access, so
 * every rule, hook and limit of the collection applies exactly as over REST or GraphQL.
 */
export const formEndpoint = (form: SubmissionForm<SubmissionSlug>): Endpoint => {
  const { slug, labels } = form
  const message = form.guide.receivedMessage
  const body = guideBodySchema(submissionFields(form))
  return {
    path: form.guide.submitPath,
    method: 'post',
    handler: async (req) => {
      try {
        const data = await readFormBody(req, req.payload.collections[slug].config.flattenedFields)
        const doc = await req.payload.create({ collection: slug, data: data as never, req, overrideAccess: false, depth: 0 })
        return success(message, { id: doc.id }, 201)
      } catch (error) {
        return errorResponse(error, req)
      }
    },
    custom: {
      openapi: {
        tags: ['Guide endpoints'],
        summary: `Submit the ${labels.singular} form (guide field names)`,
        description:
          `Creates a document in \`${slug}\` with exactly its rules and access. Fields in snake_case, ` +
          'as JSON or form data; `event` may be left out while exactly one event is open for registration.',
        security: [],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: body }, 'application/x-www-form-urlencoded': { schema: body } },
        },
        responses: {
          201: { description: message, content: { 'application/json': { schema: SUCCESS_ENVELOPE } } },
          400: { description: 'Field errors', content: { 'application/json': { schema: ERROR_ENVELOPE } } },
          403: { description: 'Signed in without permission (e.g. an editor)', content: { 'application/json': { schema: ERROR_ENVELOPE } } },
        },
      },
    },
  }
}
