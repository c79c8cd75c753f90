import { request } from 'node:http'

import { SEEDED_ADMIN } from './credentials'
import { openEventData } from './events'

/** JSON over real HTTP to the running app, as the frontend or a script would call it. */
export async function httpJson(
  baseURL: string,
  method: string,
  path: string,
  { body, token }: { body?: unknown; token?: string } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseURL}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

/**
 * A JSON POST over a new connection from `localAddress` (any 127.x.y.z on Linux), so that a test
 * can be several clients at once, each with an address of its own.
 */
export function postJsonFrom(
  url: string,
  body: unknown,
  { localAddress, headers = {} }: { localAddress: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: 'POST',
      localAddress,
      agent: false,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers },
    })
    outgoing.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text ? JSON.parse(text) : undefined }))
    })
    outgoing.on('error', reject)
    outgoing.end(payload)
  })
}

/** A published event open for registration, created over REST by the seeded admin; its id. */
export async function createOpenEventOverHttp(baseURL: string, overrides: Record<string, unknown> = {}): Promise<number> {
  const { body: login } = await httpJson(baseURL, 'POST', '/api/users/login', { body: SEEDED_ADMIN })
  const event = await httpJson(baseURL, 'POST', '/api/events', {
    token: login.token,
    body: openEventData(overrides),
  })
  if (event.status !== 201) throw new Error(`creating the event answered ${event.status}: ${JSON.stringify(event.body)}`)
  return event.body.doc.id
}
