import { readdirSync, readFileSync } from 'node:fs'
import { get } from 'node:http'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { type AppServer, appServerRefusal, startAppServer } from '../helpers/appServer'
import { appEnv, createTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { waitFor } from '../helpers/waitFor'

let database: TestDatabase
let server: AppServer

/** The server processes the supervisor runs, with the environment each was started with. */
function serverProcesses(): { pid: number; env: string[] }[] {
  return readdirSync('/proc')
    .map(Number)
    .filter((pid) => Number.isInteger(pid))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== server.pid) return []
        return [{ pid, env: readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0') }]
      } catch {
        return [] // ended while we looked
      }
    })
}

/** /api/health over a new connection (a kept-alive one may have gone with a killed process). */
const healthStatus = () =>
  new Promise<number | undefined>((resolve, reject) =>
    get(`${server.baseURL}/api/health`, { agent: false, timeout: 10_000 }, (response) => {
      response.resume()
      resolve(response.statusCode)
    }).on('error', reject),
  )

const twoProcesses = () => waitFor('two server processes', async () => (serverProcesses().length === 2 ? serverProcesses() : undefined), { timeoutMs: 60_000 })

beforeAll(async () => {
  database = await createTestDatabase('processes')
  server = await startAppServer({
    ...appEnv(database.url),
    WEB_CONCURRENCY: '2',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(inject('smtpPort')),
  })
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await database?.drop()
})

describe('the production server with WEB_CONCURRENCY=2', () => {
  it('runs two processes on one port, only the first running jobs', async () => {
    const processes = await twoProcesses()
    expect(processes.filter(({ env }) => env.includes('JOBS_AUTORUN=false'))).toHaveLength(1)
    expect(await healthStatus()).toBe(200)
  })

  it('replaces a process that dies and goes on answering', async () => {
    const [victim] = await twoProcesses()
    process.kill(victim.pid, 'SIGKILL')
    const replaced = await waitFor(
      'a replacement process',
      async () => {
        const now = serverProcesses()
        return now.length === 2 && now.every(({ pid }) => pid !== victim.pid) ? now : undefined
      },
      { timeoutMs: 60_000 },
    )
    expect(replaced).toHaveLength(2)
    // Until a process listens again (the survivor may still be starting) connections are refused.
    await waitFor('an answer after the replacement', async () => ((await healthStatus().catch(() => undefined)) === 200 ? true : undefined), {
      timeoutMs: 60_000,
    })
  }, 90_000)
})

describe('the production server with a PAYLOAD_SECRET under 32 characters', () => {
  const shortSecret = { PAYLOAD_SECRET: 'only-31-characters-long-secret!' }
  const refusal = /refuses to start: PAYLOAD_SECRET is only 31 characters long: production needs at least 32/

  it('refuses to start, saying why', async () => {
    const { code, output } = await appServerRefusal({ ...appEnv(database.url), ...shortSecret, SMTP_HOST: '127.0.0.1' })
    expect(code).toBe(78)
    expect(output).toMatch(refusal)
  })

  it('refuses to start with WEB_CONCURRENCY=2 too, instead of starting process after process', async () => {
    const { code, output } = await appServerRefusal({ ...appEnv(database.url), ...shortSecret, SMTP_HOST: '127.0.0.1', WEB_CONCURRENCY: '2' })
    expect(code).toBe(78)
    expect(output).toMatch(refusal)
    expect(output).not.toMatch(/starting another/)
  })
})
