import type { Endpoint } from 'payload'

import { CAPTCHA_BODY_FIELD, HONEYPOT_FIELD } from '@/abuse/guardPublicSubmission'
import { toSnakeCase } from '@/lib/caseConversion'
import { attachmentPart } from '@/plugins/openapi/attachmentPart'
import { guideErrorAnswer } from '@/plugins/openapi/errorAnswers'
import type { SubmissionSlug } from '@/submissions'
import { submissionFields } from '@/submissions/submissionCollection'
import type { SubmissionAttachment, SubmissionForm } from '@/submissions/SubmissionForm'
import { uploadedFileFromForm } from '@/uploads/uploadedFileFromForm'

import { errorResponse, success } from './envelope'
import { SUCCESS_ENVELOPE } from './envelopeSchemas'
import { guideBodySchema } from './guideSchema'
import { readFormBody } from './readFormBody'

/**
 * POST /api/<path>/ for a frontend written against the requirements guide: snake_case fields in,
 * the guide's envelope out. It creates through the collection with the caller's own access, so
 * every rule, hook and limit of the collection applies exactly as over REST or GraphQL.
 */
/** The form data with its file, for a form that takes one (multipart). */
const withFile = (body: Record<string, unknown>, attachment: SubmissionAttachment) => ({
  ...body,
  properties: { ...(body.properties as object), ...attachmentPart(attachment) },
})

export const formEndpoint = (form: SubmissionForm<SubmissionSlug>): Endpoint => {
  const { slug, labels, attachment } = form
  const message = form.guide.receivedMessage
  const fields = guideBodySchema(submissionFields(form))
  const body = {
    ...fields,
    properties: {
      ...(fields.properties as object),
      [toSnakeCase(CAPTCHA_BODY_FIELD)]: { type: 'string', description: 'The captcha provider’s token (or send it in the `X-Captcha-Token` header)' },
      [toSnakeCase(HONEYPOT_FIELD)]: { type: 'string', description: 'The honeypot: a field people never see; leave it empty' },
    },
  }
  return {
    path: form.guide.submitPath,
    method: 'post',
    handler: async (req) => {
      try {
        const { data, files } = await readFormBody(req, req.payload.collections[slug].config.flattenedFields)
        // The form's file goes where Payload's own parser puts it, for the collection's hooks.
        const file = attachment && files[attachment.field]
        if (attachment && file) req.files = { [attachment.field]: await uploadedFileFromForm(file) }
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
          content: {
            'application/json': { schema: body },
            'application/x-www-form-urlencoded': { schema: body },
            ...(attachment ? { 'multipart/form-data': { schema: withFile(body, attachment) } } : {}),
          },
        },
        responses: {
          201: { description: message, content: { 'application/json': { schema: SUCCESS_ENVELOPE } } },
          400: guideErrorAnswer(400, 'Field errors, the captcha’s included (`captcha_token`), or a body that is not JSON or form data; nothing was stored'),
          403: guideErrorAnswer(403, 'Signed in without permission (e.g. an editor)'),
          413: guideErrorAnswer(413),
          415: guideErrorAnswer(415),
          ...(attachment ? { 422: guideErrorAnswer(422, `The ${attachment.label.toLowerCase()} contains malware (\`field\`: \`${attachment.field}\`); nothing was stored`) } : {}),
          429: guideErrorAnswer(429, 'Too many posts from this address or for this email, or the same content again: wait `Retry-After` seconds'),
          503: guideErrorAnswer(503),
          500: { description: 'An unexpected error', content: { 'application/json': { schema: { $ref: '#/components/schemas/GuideServerError' } } } },
        },
      },
    },
  }
}
