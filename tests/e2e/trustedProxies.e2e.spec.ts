import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { type AppServer, startServerBeside } from '../helpers/appServer'
import { createOpenEventOverHttp, postJsonFrom } from '../helpers/httpClient'
import { type ProxyChain, startProxyChain } from '../helpers/nginx'
import { startSiteverifyServer } from '../helpers/siteverifyServer'
import { validSubmission } from '../helpers/submissions'
import { appEnv } from '../helpers/testDatabase'

const CAPTCHA_SECRET = 'proxy-test-secret'
/** Each server behind the proxies allows this many posts per client IP and form. */
const POSTS_PER_IP = 2

let siteverify: Awaited<ReturnType<typeof startSiteverifyServer>>
const servers: AppServer[] = []
const chains: ProxyChain[] = []
let eventId: number

/** A production server that trusts `proxies` hops. */
async function serverBehind(proxies: string) {
  const server = await startServerBeside(inject('databaseUrl'), {
    TRUST_PROXY: proxies,
    RATE_LIMIT_FORM_PER_IP: String(POSTS_PER_IP),
    CAPTCHA_PROVIDER: 'turnstile',
    CAPTCHA_SECRET,
    CAPTCHA_VERIFY_URL: siteverify.url,
  })
  servers.push(server)
  return server
}

const spoofedForwardedFor = () => `198.51.100.${randomBytes(1)[0]}, 203.0.113.${randomBytes(1)[0]}`

/** Posts a registration from `clientAddress` through `chain`, claiming a made-up X-Forwarded-For each time. */
const register = (chain: ProxyChain, clientAddress: string) =>
  postJsonFrom(`${chain.url}/api/registrations`, validSubmission('registrations', eventId), {
    localAddress: clientAddress,
    headers: { 'X-Forwarded-For': spoofedForwardedFor(), 'X-Captcha-Token': 'pass' },
  })

const remoteIpsSeenByCaptcha = (since: number) => siteverify.received.slice(since).map((request) => request.remoteip)

beforeAll(async () => {
  siteverify = await startSiteverifyServer('turnstile', CAPTCHA_SECRET)
  // `true`, as before proxies were counted, still means one.
  const [oneProxy, twoProxies] = await Promise.all([serverBehind('true'), serverBehind('2')])
  chains.push(await startProxyChain(oneProxy.baseURL, 1, 2), await startProxyChain(twoProxies.baseURL, 2, 4))
  eventId = await createOpenEventOverHttp(inject('baseURL'))
}, 180_000)

afterAll(async () => {
  await Promise.all(chains.map((chain) => chain.stop()))
  await Promise.all(servers.map((server) => server.stop()))
  await siteverify?.close()
})

describe.each([
  { proxies: 1, setting: 'true', chain: () => chains[0], clients: ['127.0.0.11', '127.0.0.12'] },
  { proxies: 2, setting: '2', chain: () => chains[1], clients: ['127.0.0.21', '127.0.0.22'] },
])('behind $proxies nginx proxies (TRUST_PROXY=$setting)', ({ chain, clients: [client, otherClient] }) => {
  it('takes the client address the first proxy saw, whatever X-Forwarded-For the client sends', async () => {
    const seen = siteverify.received.length
    const statuses: number[] = []
    for (let post = 0; post <= POSTS_PER_IP; post++) statuses.push((await register(chain(), client)).status)

    // A made-up address per post bought no extra posts: the limit counted the real client.
    expect(statuses).toEqual([...Array(POSTS_PER_IP).fill(201), 429])
    // The captcha provider was told the real address too.
    expect(remoteIpsSeenByCaptcha(seen)).toEqual(Array(POSTS_PER_IP).fill(client))
  })

  it('counts another client behind the same proxies on its own', async () => {
    const response = await register(chain(), otherClient)
    expect(response.status).toBe(201)
  })
})

describe('TRUST_PROXY', () => {
  it('refuses to start with a value that is not a number of proxies, and says what it expects', async () => {
    const server = spawn('node', ['src/server.mjs'], {
      env: { ...appEnv(inject('databaseUrl')), NODE_ENV: 'production', TRUST_PROXY: 'yes', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    server.stderr!.on('data', (chunk) => (output += chunk))
    const code = await new Promise<number | null>((resolve) => server.on('exit', resolve))
    expect(code).toBe(78) // EX_CONFIG: a supervisor does not start it again
    expect(output).toContain('TRUST_PROXY must be the number of reverse proxies in front of the app')
  })
})
