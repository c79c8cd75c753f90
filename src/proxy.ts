import { NextResponse, type NextRequest } from 'next/server'

/** Matches the guard in src/hooks/guardPublicSubmission.ts, which also checks bodies sent without a length. */
const MAX_FORM_BODY_BYTES = 64 * 1024

/**
 * Refuses an oversized public form post from its Content-Length, before the body is read and
 * parsed: the collection hook would refuse it too, but only after holding it all in memory.
 */
export function proxy(request: NextRequest) {
  const length = Number(request.headers.get('content-length') ?? 0)
  if (request.method === 'POST' && length > MAX_FORM_BODY_BYTES) {
    return NextResponse.json(
      { errors: [{ message: `The form is too large (at most ${MAX_FORM_BODY_BYTES / 1024} KB).` }] },
      { status: 413 },
    )
  }
  return NextResponse.next()
}

export const config = {
  matcher: [
    '/api/(registrations|sponsor-applications|exhibitor-applications|volunteer-applications)',
    '/api/(register|sponsors|exhibitors|volunteer)/',
    '/api/(register|sponsors|exhibitors|volunteer)',
    '/api/graphql',
  ],
}
