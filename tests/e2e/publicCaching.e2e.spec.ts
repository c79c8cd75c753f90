import { get, type IncomingHttpHeaders } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { SECURITY_HEADERS } from '@/lib/securityHeaders.mjs'

import { FRONTEND_ORIGIN } from '../helpers/credentials'
import { createOpenEventOverHttp } from '../helpers/httpClient'

/**
 * The public reads of tests/int/publicCaching.int.spec.ts through the production server, which
 * adds what the in-process handlers do not: Next.js's gzip, and the security headers.
 */

const baseURL = inject('baseURL')
const LIST = '/api/events?limit=100'

type RawAnswer = { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** A GET as a CDN would send it, the body left as it came (fetch would decompress it). */
const rawGet = (path: string, headers: Record<string, string> = {}) =>
  new Promise<RawAnswer>((resolve, reject) =>
    get(`${baseURL}${path}`, { headers: { 'Accept-Encoding': 'gzip', ...headers } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject),
  )

let eventIds: number[]

beforeAll(async () => {
  // Two events besides the seeded one: a list well over the 1 KB below which Next.js does not compress.
  eventIds = [await createOpenEventOverHttp(baseURL), await createOpenEventOverHttp(baseURL)]
})

describe('the production server’s signed-out event list', () => {
  it('is compressed and keeps its ETag, its Cache-Control, and Vary names Accept-Encoding and Origin once each', async () => {
    const answer = await rawGet(LIST)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(answer.body).toString()).docs.map((doc: { id: number }) => doc.id)).toEqual(expect.arrayContaining(eventIds))
    expect(answer.headers.etag).toMatch(/^"[\w-]+"$/)
    expect(answer.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300')
    // Next.js adds its own (rsc, next-router-…), which requests to the API never carry.
    const varies = String(answer.headers.vary).split(',').map((name) => name.trim().toLowerCase())
    expect(varies.filter((name) => name === 'accept-encoding' || name === 'origin').sort()).toEqual(['accept-encoding', 'origin'])
  })

  it('answers its ETag with 304: no body, the same ETag, the security headers', async () => {
    const { headers } = await rawGet(LIST)
    const answer = await rawGet(LIST, { 'If-None-Match': headers.etag! })
    expect(answer.status).toBe(304)
    expect(answer.body.length).toBe(0)
    expect(answer.headers.etag).toBe(headers.etag)
    expect(answer.headers['cache-control']).toBe(headers['cache-control'])
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name.toLowerCase()]).toBe(value)
  })

  it('answers the frontend’s If-None-Match with 304 carrying the CORS headers it can read', async () => {
    const { headers } = await rawGet(LIST, { Origin: FRONTEND_ORIGIN })
    const answer = await rawGet(LIST, { Origin: FRONTEND_ORIGIN, 'If-None-Match': headers.etag! })
    expect(answer.status).toBe(304)
    expect(answer.headers['access-control-allow-origin']).toBe(FRONTEND_ORIGIN)
  })
})
