import {
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_PATCH,
  REST_POST,
} from '@payloadcms/next/routes'
import * as qs from 'qs-esm'

import config from '@payload-config'

import { answeringUnreadableRequests } from '@/lib/unreadableRequest'

type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

const handlers: Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler> = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}
// Wrapped as the app's route wraps it (src/app/(payload)/api/graphql/route.ts).
const graphqlHandler = answeringUnreadableRequests(GRAPHQL_POST(config) as (request: Request) => Promise<Response>)

const ORIGIN = 'http://localhost:3000'

type RequestOptions = {
  /** JSON-encoded as the body. */
  body?: unknown
  /** Sent as it is (form data, broken JSON, a stream sent chunked…); set Content-Type in `headers`. */
  rawBody?: string | ReadableStream<Uint8Array>
  /** Sent as multipart/form-data, as a browser sends a FormData (uploads). */
  form?: FormData
  query?: Record<string, unknown>
  headers?: Record<string, string>
}

export type JsonResponse<T = any> = { status: number; headers: Headers; body: T }

/**
 * Calls the real /api route handlers from @payloadcms/next/routes in-process, as an HTTP client
 * would: access control, hooks and validation all run as for a browser or the frontend.
 */
export class RestClient {
  constructor(private authorization?: string) {}

  static anonymous(): RestClient {
    return new RestClient()
  }

  /**
   * Logs in through POST /api/users/login and keeps the token for later requests. `secondFactor`
   * (`{ code }` or `{ recoveryCode }`) goes with the password, for an account with two-factor
   * authentication on; without it, such an account's token is pending (see tests/int/twoFactor).
   */
  static async login(
    email: string,
    password: string,
    secondFactor: { code?: string; recoveryCode?: string } = {},
  ): Promise<RestClient> {
    const response = await RestClient.anonymous().post('/users/login', { body: { email, password, ...secondFactor } })
    if (response.status !== 200) {
      throw new Error(`login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`)
    }
    return new RestClient(`JWT ${response.body.token}`)
  }

  static withApiKey(collection: string, apiKey: string): RestClient {
    return new RestClient(`${collection} API-Key ${apiKey}`)
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options)
  post = (path: string, options?: RequestOptions) => this.request('POST', path, options)
  patch = (path: string, options?: RequestOptions) => this.request('PATCH', path, options)
  delete = (path: string, options?: RequestOptions) => this.request('DELETE', path, options)

  async graphql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<JsonResponse<T>> {
    const request = new Request(`${ORIGIN}/api/graphql`, {
      method: 'POST',
      headers: this.headers(headers),
      body: JSON.stringify({ query, variables }),
    })
    return toJson(await graphqlHandler(request))
  }

  private async request(
    method: keyof typeof handlers,
    path: string,
    { body, rawBody, form, query, headers }: RequestOptions = {},
  ): Promise<JsonResponse> {
    const [pathname, search] = path.split('?')
    const queryString = qs.stringify({ ...qs.parse(search ?? ''), ...query }, { addQueryPrefix: true })
    const requestHeaders = this.headers(headers)
    // The FormData sets its own multipart Content-Type, boundary included.
    if (form) requestHeaders.delete('Content-Type')
    const request = new Request(`${ORIGIN}/api${pathname}${queryString}`, {
      method,
      headers: requestHeaders,
      body: form ?? rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      ...(rawBody instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit)
    const slug = pathname.replace(/^\//, '').split('/')
    return toJson(await handlers[method](request, { params: Promise.resolve({ slug }) }))
  }

  private headers(extra: Record<string, string> = {}): Headers {
    const headers = new Headers({ 'Content-Type': 'application/json', ...extra })
    if (this.authorization) headers.set('Authorization', this.authorization)
    return headers
  }
}

async function toJson(response: Response): Promise<JsonResponse> {
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // non-JSON bodies stay as text
  }
  return { status: response.status, headers: response.headers, body }
}
