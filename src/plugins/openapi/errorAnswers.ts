/**
 * The error answers of the OpenAPI document, defined once: the schemas of the two error bodies the
 * API gives (Payload's, and the requirements guide's envelope on its endpoints) and one response
 * component per status. Operations point at them with `errorAnswer`/`guideErrorAnswer`;
 * ./completeDocument.ts adds them to the document (and drops those no operation uses).
 */

type Json = Record<string, unknown>

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Json) => ({ 'application/json': { schema } })

/** Seconds to wait before sending the request again (rate limits, a database or captcha outage). */
const RETRY_AFTER_HEADER = {
  'Retry-After': {
    description: 'Seconds to wait before sending the same request again',
    required: true,
    schema: { type: 'integer', minimum: 1 },
  },
}

export const ERROR_SCHEMAS: Record<string, Json> = {
  /** Payload's error body (utilities/formatErrors.ts): field errors under `data.errors`. */
  Errors: {
    type: 'object',
    required: ['errors'],
    properties: {
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['message'],
          properties: {
            name: { type: 'string', description: 'e.g. `ValidationError`' },
            message: { type: 'string' },
            data: {
              anyOf: [
                {
                  type: 'object',
                  description: 'Field errors (`ValidationError`)',
                  properties: {
                    collection: { type: 'string' },
                    errors: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['path', 'message'],
                        properties: {
                          path: { type: 'string', description: 'the field, in the collection’s camelCase names' },
                          message: { type: 'string' },
                          label: { type: 'string' },
                        },
                      },
                    },
                  },
                },
                {
                  type: 'array',
                  description: 'The paths a `where` cannot query (`QueryError`)',
                  items: { type: 'object', required: ['path'], properties: { path: { type: 'string' } } },
                },
              ],
            },
          },
        },
      },
    },
  },
  /** The guide endpoints' error envelope (src/endpoints/guide/envelope.ts). */
  GuideErrors: {
    type: 'object',
    required: ['status', 'errors'],
    properties: {
      status: { const: 'error' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: {
            field: { type: ['string', 'null'], description: 'the field in snake_case; null for the request as a whole' },
            message: { type: 'string' },
          },
        },
      },
    },
  },
  GuideServerError: {
    type: 'object',
    required: ['status', 'message'],
    properties: { status: { const: 'error' }, message: { type: 'string' } },
  },
}

/** What each status means wherever it is answered; an operation may say more in its own words. */
const MEANINGS = {
  400: 'The request is invalid: each error names its field; nothing was stored',
  401: 'Not signed in, or the credentials are wrong',
  403: 'Not allowed: signed out, or signed in without a role that may do this',
  404: 'No such document (or not one the caller may see)',
  409: 'Not possible in the document’s current state',
  410: 'The link has expired',
  413: 'The form is too large (at most 64 KB); the connection is closed',
  415: 'Send the form as JSON or form data',
  422: 'The uploaded file contains malware (a field error on the file); nothing was stored',
  429: 'Too many attempts: wait `Retry-After` seconds; nothing was stored',
  503: 'Briefly unavailable (the database, or on a public form the captcha provider): retry after `Retry-After` seconds; nothing was stored',
} as const

export type ErrorStatus = keyof typeof MEANINGS

const WITH_RETRY_AFTER: ErrorStatus[] = [429, 503]

const NAMES: Record<ErrorStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Gone',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableContent',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
}

const response = (status: ErrorStatus, schema: string, description: string = MEANINGS[status]) => ({
  description,
  ...(WITH_RETRY_AFTER.includes(status) ? { headers: RETRY_AFTER_HEADER } : {}),
  content: json(schemaRef(schema)),
})

/** Response components: `BadRequest`, `Forbidden`… in Payload's shape, `GuideBadRequest`… in the guide's. */
export const ERROR_RESPONSES: Record<string, Json> = Object.fromEntries(
  (Object.keys(NAMES).map(Number) as ErrorStatus[]).flatMap((status) => [
    [NAMES[status], response(status, 'Errors')],
    [`Guide${NAMES[status]}`, response(status, 'GuideErrors')],
  ]),
)

/**
 * An error answer in Payload's shape: the shared component, or with a description of its own
 * (same body and headers) when the operation can say precisely when it happens.
 */
export const errorAnswer = (status: ErrorStatus, description?: string): Json =>
  description ? response(status, 'Errors', description) : { $ref: `#/components/responses/${NAMES[status]}` }

/** The same in the guide's envelope. */
export const guideErrorAnswer = (status: ErrorStatus, description?: string): Json =>
  description ? response(status, 'GuideErrors', description) : { $ref: `#/components/responses/Guide${NAMES[status]}` }
