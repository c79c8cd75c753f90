import { APIError, type CollectionBeforeOperationHook, NotFound } from 'payload'

/** The largest id of a PostgreSQL serial column. */
const MAX_SERIAL_ID = 2_147_483_647

/** Past this a page or limit is no longer a list anyone reads, and page × limit would overflow PostgreSQL's OFFSET. */
const MAX_PAGE_OR_LIMIT = 1_000_000_000

const isWholeNumberFrom = (value: unknown, min: number) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= MAX_PAGE_OR_LIMIT

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Requests Payload would pass on until something deep inside fails with a 500:
 * - the id of /api/<collection>/<id> as parseFloat read it: NaN for "abc", 1.5, or past the
 *   column's range, which PostgreSQL refuses. No document has such an id: 404.
 * - a create or update whose body is not a document (empty, a list, a bare value, or a content type
 *   Payload does not read): 400, before any field hook sees it.
 * - a list's `page` or `limit` from a client that is not a whole number in range (page=-1, limit=1.5), which
 *   PostgreSQL refuses as an OFFSET or LIMIT: 400.
 * - an `id` in the body of a create or update over REST or GraphQL, which Payload would write
 *   ("" fails the insert): ids are the database's to give, so it is dropped.
 */
export const refuseMalformedRequest: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const { id, data, page, limit } = args as { id?: unknown; data?: unknown; page?: unknown; limit?: unknown }
  if (typeof id === 'number' && !(Number.isSafeInteger(id) && id > 0 && id <= MAX_SERIAL_ID)) throw new NotFound(req.t)
  const fromClient = req.payloadAPI !== 'local'
  if (fromClient && page !== undefined && !isWholeNumberFrom(page, 1))
    throw new APIError(`page must be a whole number from 1 to ${MAX_PAGE_OR_LIMIT}.`, 400, undefined, true)
  if (fromClient && limit !== undefined && !isWholeNumberFrom(limit, 0))
    throw new APIError(`limit must be a whole number from 0 to ${MAX_PAGE_OR_LIMIT}.`, 400, undefined, true)
  if ((operation === 'create' || operation === 'update') && !isPlainObject(data))
    throw new APIError('Send the document as a JSON object (Content-Type: application/json).', 400, undefined, true)
  if ((operation === 'create' || operation === 'update') && fromClient && 'id' in (data as object))
    delete (data as { id?: unknown }).id
  return args
}
