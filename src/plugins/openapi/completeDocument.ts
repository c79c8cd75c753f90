import type { Payload, SanitizedCollectionConfig } from 'payload'

import { CAPTCHA_BODY_FIELD, HONEYPOT_FIELD } from '@/abuse/guardPublicSubmission'
import { requiredOnCreate } from '@/fields/requiredOnCreate'
import { isSubmissionSlug, submissionForm } from '@/submissions'
import type { SubmissionAttachment } from '@/submissions/SubmissionForm'

import { addCachingAnswers } from './addCachingAnswers'
import { cleanSchemas } from './cleanSchemas'
import { ERROR_RESPONSES, ERROR_SCHEMAS, errorAnswer } from './errorAnswers'
import { addOperationAnswers } from './addOperationAnswers'
import { attachmentPart } from './attachmentPart'

type Json = Record<string, any>

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** The name payload-oapi gives a collection's schemas (openapi/naming.ts): its singular label. */
const singularLabel = ({ labels, slug }: SanitizedCollectionConfig): string => {
  const label = labels?.singular as unknown
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'en' in label) return String(label.en)
  return slug
}

const fieldNamed = (config: SanitizedCollectionConfig, name: string) =>
  config.flattenedFields.find((field) => 'name' in field && field.name === name)

/**
 * What a document schema may promise and a create body must carry, from the fields themselves:
 * a field with its own read rule is left out of the answer for callers it refuses (personal data
 * for the public), so it is not `required` there; a create body requires only what the client must
 * send (requiredOnCreate). Public forms also take the captcha token and the honeypot.
 */
function fixRequirements(document: Json, payload: Payload): void {
  const { schemas, requestBodies } = document.components
  for (const { config } of Object.values(payload.collections)) {
    const singular = singularLabel(config)
    const schema = Object.values(schemas).find((candidate: any) => candidate.title === singular) as Json | undefined
    if (schema?.required) {
      schema.required = schema.required.filter((name: string) => !(fieldNamed(config, name) as { access?: { read?: unknown } } | undefined)?.access?.read)
    }
    const createBody = document.paths[`${payload.config.routes.api}/${config.slug}`]?.post?.requestBody?.$ref as string | undefined
    const content = createBody && requestBodies[createBody.split('/').pop()!]?.content
    const body = content?.['application/json']?.schema
    if (!body) continue
    body.required = (body.required ?? []).filter((name: string) => {
      const field = fieldNamed(config, name)
      return !field || requiredOnCreate(field)
    })
    if (isSubmissionSlug(config.slug)) {
      body.properties[CAPTCHA_BODY_FIELD] = { type: 'string', description: 'The captcha provider’s token (or send it in the `X-Captcha-Token` header)' }
      body.properties[HONEYPOT_FIELD] = { type: 'string', description: 'The honeypot: a field people never see; leave it empty' }
      const { attachment } = submissionForm(config.slug)
      if (attachment) content['multipart/form-data'] = { schema: attachmentBody(attachment) }
    }
  }
}

/** A form that takes a file is also posted as multipart: the JSON body in `_payload`, the file in its own part. */
const attachmentBody = (attachment: SubmissionAttachment): Json => ({
  type: 'object',
  required: ['_payload'],
  properties: {
    _payload: { type: 'string', contentMediaType: 'application/json', description: 'The same document as the JSON body, as a JSON string' },
    ...attachmentPart(attachment),
  },
})

const operationsOf = (document: Json): Json[] =>
  Object.values(document.paths as Json).flatMap((item: Json) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => item[method]),
  )

/** Every request may meet the database restarting (src/hooks/answerDatabaseOutage.ts). */
function addServiceUnavailable(document: Json): void {
  for (const operation of operationsOf(document)) operation.responses[503] ??= errorAnswer(503)
}

function refsIn(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found))
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value)
      else refsIn(value, found)
    }
  }
  return found
}

/** Drops the components no operation leads to (the shared ones this app has no use for, replaced ones). */
function dropUnusedComponents(document: Json): void {
  const reached = new Set<string>()
  const pending = [...refsIn(document.paths, new Set())]
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    if (reached.has(ref)) continue
    reached.add(ref)
    const [, , kind, name] = ref.split('/')
    pending.push(...refsIn(document.components[kind]?.[name], new Set()))
  }
  for (const kind of ['schemas', 'responses', 'requestBodies', 'parameters', 'headers']) {
    for (const name of Object.keys(document.components[kind] ?? {})) {
      if (!reached.has(`#/components/${kind}/${name}`)) delete document.components[kind][name]
    }
  }
}

/**
 * Completes the document payload-oapi generates into what the API really does, in one place:
 * only OpenAPI keywords in schemas, the shared error bodies and answers, each operation's error
 * answers (./addOperationAnswers.ts), the caching of public reads (./addCachingAnswers.ts), honest `required` lists, no dangling components. The result
 * passes `redocly lint` (tests/int/apiDocs.int.spec.ts).
 */
export async function completeDocument(document: Json, payload: Payload): Promise<Json> {
  // package.json: UNLICENSED; SPDX names a license of one's own LicenseRef-….
  document.info.license ??= { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' }
  cleanSchemas(document)
  Object.assign(document.components.schemas, ERROR_SCHEMAS)
  document.components.responses = { ...document.components.responses, ...ERROR_RESPONSES }
  fixRequirements(document, payload)
  await addOperationAnswers(document, payload)
  addCachingAnswers(document, payload)
  addServiceUnavailable(document)
  dropUnusedComponents(document)
  return document
}
