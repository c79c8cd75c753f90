import type { AfterErrorHook } from 'payload'

import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, pingDatabase } from '@/db/databaseUnavailable'
import { RETRY_AFTER_S } from '@/lib/constants'

const PING_TIMEOUT_MS = 2000

/**
 * While PostgreSQL is unreachable, REST and custom endpoints answer 503 with Retry-After and a
 * clear message, in Payload's error shape, instead of 500 "Something went wrong." (GraphQL: the
 * same message and Retry-After, statusCode 503 in the error's extensions): the request
 * was fine and will work if sent again. Nothing was stored (the request's transaction failed).
 *
 * A signed-in request is also covered: Payload's JWT and API-key strategies swallow every error,
 * a database failure included, and carry on as anonymous, so the request then fails its access
 * check (401/403). A refusal of a request that carried credentials is therefore checked against
 * the database before it is answered.
 */
export const answerDatabaseOutage: AfterErrorHook = async ({ error, req, graphqlResult }) => {
  // GraphQL hands over its own error: the one raised in the resolver is its originalError.
  const raised = graphqlResult ? ((error as { originalError?: Error }).originalError ?? error) : error
  if (!isDatabaseUnavailable(raised) && !(await credentialsUnverifiable(raised, req))) return
  const headers = new Headers(req.responseHeaders)
  headers.set('Retry-After', String(RETRY_AFTER_S.databaseUnavailable))
  req.responseHeaders = headers
  if (graphqlResult) {
    // GraphQL answers 200 with the error in its body; its statusCode says what REST would answer.
    const extensions = { ...graphqlResult.extensions, name: undefined, statusCode: 503 }
    return { graphqlResult: { ...graphqlResult, message: DATABASE_UNAVAILABLE_MESSAGE, extensions } }
  }
  return { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] } }
}

async function credentialsUnverifiable(error: Error, req: Parameters<AfterErrorHook>[0]['req']): Promise<boolean> {
  const status = (error as { status?: number }).status
  if ((status !== 401 && status !== 403) || req.user) return false
  const tokenCookie = `${req.payload.config.cookiePrefix}-token=`
  if (!req.headers.get('authorization') && !req.headers.get('cookie')?.includes(tokenCookie)) return false
  return pingDatabase(req.payload.db.pool, PING_TIMEOUT_MS).then(
    () => false,
    () => true,
  )
}
