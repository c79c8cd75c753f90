/** What a client is told when its body, or a JSON query parameter, cannot be parsed at all. */
export const UNREADABLE_REQUEST_MESSAGE =
  'The request could not be read: send JSON (Content-Type: application/json) or well-formed form data.'

// busboy's multipart and urlencoded parsers, which Payload uses for form bodies.
const UNREADABLE_FORM = /^(Unexpected end of form|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form|Unexpected end of file|Unsupported content type)/

/**
 * Whether `error` is Payload failing to parse what the client sent: JSON.parse of the body or of a
 * `where`/`data` query parameter, or a form body busboy could not read. Payload answers them 500.
 */
export function isUnreadableRequest(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { status?: number }).status) return false
  return (error instanceof SyntaxError && /JSON/.test(error.message)) || UNREADABLE_FORM.test(error.message)
}

type RouteHandler = (request: Request) => Promise<Response>

/**
 * Payload's GraphQL route reads the body outside its own error handling, so an unreadable one (or
 * one Payload itself refuses, such as "Invalid JSON") escapes as a bare 500: it is a 4xx in
 * GraphQL's error shape.
 */
export const answeringUnreadableRequests =
  (handler: RouteHandler): RouteHandler =>
  async (request) => {
    try {
      return await handler(request)
    } catch (error) {
      const refusal = clientError(error)
      if (!refusal) throw error
      return Response.json({ errors: [{ message: refusal.message, extensions: { statusCode: refusal.status } }] }, { status: refusal.status })
    }
  }

function clientError(error: unknown): { status: number; message: string } | undefined {
  const status = (error as { status?: unknown }).status
  if (error instanceof Error && typeof status === 'number' && status >= 400 && status < 500) return { status, message: error.message }
  if (isUnreadableRequest(error)) return { status: 400, message: UNREADABLE_REQUEST_MESSAGE }
}
