import { type ChildProcess, spawn } from 'node:child_process'
import { inject } from 'vitest'

import { findFreePort } from '../../src/scripts/findFreePort'

import { appEnv } from './testDatabase'
import { waitFor } from './waitFor'

export type AppServer = { baseURL: string; pid: number; output: () => string; stop: () => Promise<void> }

/** `npm start` of the production build on a free port, as the tests run it. */
async function spawnAppServer(env: NodeJS.ProcessEnv, nodeArgs: string[] = []) {
  const port = await findFreePort()
  const baseURL = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn('node', [...nodeArgs, 'src/server.mjs'], {
    // SERVER_URL: the admin's own origin, trusted for cookie-authenticated requests (CSRF).
    env: { ...env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', SERVER_URL: baseURL },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { baseURL, child, exited, output: () => output }
}

/** The production server (`npm start`) of the production build on a free port, ready once /api/health answers 200. */
export async function startAppServer(
  env: NodeJS.ProcessEnv,
  { pollIntervalMs = 200, nodeArgs = [] as string[] } = {},
): Promise<AppServer> {
  const { baseURL, child, exited, output } = await spawnAppServer(env, nodeArgs)

  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
  }
  try {
    await waitFor(
      'the app to answer /api/health',
      async () => {
        if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}`)
        const response = await fetch(`${baseURL}/api/health`)
        return response.ok ? true : undefined
      },
      { timeoutMs: 60_000, intervalMs: pollIntervalMs },
    )
  } catch (error) {
    await stop()
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${output()}`)
  }
  return { baseURL, pid: child.pid!, output, stop }
}

/** The production server started for a test that expects it to refuse to start: how it exited, and what it said. */
export async function appServerRefusal(env: NodeJS.ProcessEnv, { timeoutMs = 60_000 } = {}): Promise<{ code: number | null; output: string }> {
  const { child, exited, output } = await spawnAppServer(env)
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await exited
  clearTimeout(timer)
  return { code, output: output() }
}

/**
 * Another production server beside the e2e one, on `databaseUrl` (the e2e database, or a relay to
 * it), with settings of its own: it sends to the tests' SMTP port and leaves the jobs to the e2e
 * server. Only for the e2e project (it reads what the e2e global setup provides).
 */
export async function startServerBeside(databaseUrl: string, settings: Record<string, string>): Promise<AppServer> {
  return startAppServer({
    ...appEnv(databaseUrl),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(inject('smtpPort')),
    JOBS_AUTORUN: 'false',
    ...settings,
  })
}
