import { APIError, type PayloadRequest, ValidationError } from 'payload'

import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/db/databaseUnavailable'
import { toSnakeCase } from '@/lib/caseConversion'
import { RETRY_AFTER_S } from '@/lib/constants'

/**
 * The response shapes of the requirements guide (its appendix), for frontends written against it:
 *   201 {"status":"success","message":…,"data":{…}}
 *   4xx {"status":"error","errors":[{"field":"email","message":…}]}
 *   503 the same, with Retry-After, while the database or the captcha provider is unreachable
 *   500 {"status":"error","message":"An internal error occurred"}
 */
export const success = (message: string, data: unknown, status = 200) =>
  Response.json({ status: 'success', message, data }, { status })

export const failure = (status: number, errors: { field: string | null; message: string }[]) =>
  Response.json({ status: 'error', errors }, { status })

/** Maps what Payload throws to the guide's envelope; field paths come back in snake_case. */
export function errorResponse(error: unknown, req: PayloadRequest): Response {
  // 400, or 422 for a file with malware in it (src/uploads/checkUploadedFile.ts).
  if (error instanceof ValidationError) {
    return failure(
      error.status,
      error.data.errors.map(({ path, message }) => ({ field: path ? toSnakeCase(path) : null, message })),
    )
  }
  // A 4xx, or the 503 of a captcha provider that did not answer (guardPublicSubmission), says why.
  if (error instanceof APIError && (error.status < 500 || (error.status === 503 && error.isPublic))) {
    // Payload adds the headers a hook set (Retry-After) to every endpoint response.
    return failure(error.status, [{ field: null, message: error.message }])
  }
  req.payload.logger.error({ err: error, msg: `${req.method} ${req.url} failed` })
  if (isDatabaseUnavailable(error)) {
    req.responseHeaders = new Headers({ 'Retry-After': String(RETRY_AFTER_S.databaseUnavailable) })
    return failure(503, [{ field: null, message: DATABASE_UNAVAILABLE_MESSAGE }])
  }
  return Response.json({ status: 'error', message: 'An internal error occurred' }, { status: 500 })
}
