import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { findFreePort } from '@/scripts/findFreePort'

import { waitFor } from './waitFor'

export type TestClamd = { host: string; port: number; stop: () => Promise<void> }

export const CLAMD_PATH = process.env.CLAMD_PATH || '/usr/sbin/clamd'

/** One clamd command over TCP ("zPING\0" → "PONG"), the answer without its terminating NUL. */
function ask(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    let answer = ''
    socket.setTimeout(2000, () => socket.destroy(new Error('no answer')))
    socket.on('connect', () => socket.write(`z${command}\0`))
    socket.on('data', (chunk) => (answer += chunk))
    socket.on('end', () => resolve(answer.replace(/\0/g, '').trim()))
    socket.on('error', reject)
  })
}

/**
 * Debian's clamd in the foreground on a free port, with a signature database of its own: one body
 * signature (.ndb, any file type, anywhere in the file) per entry of `signatures`, name → the
 * bytes it matches. No freshclam, nothing downloaded. Ready once it answers PING with PONG.
 */
export async function startClamd(signatures: Record<string, string>): Promise<TestClamd> {
  const directory = await mkdtemp(path.join(tmpdir(), 'otei-clamd-'))
  const port = await findFreePort()
  const ndb = Object.entries(signatures).map(([name, bytes]) => `${name}:0:*:${Buffer.from(bytes).toString('hex')}`)
  await writeFile(path.join(directory, 'test.ndb'), `${ndb.join('\n')}\n`)
  const config = path.join(directory, 'clamd.conf')
  await writeFile(
    config,
    [
      'Foreground yes',
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `DatabaseDirectory ${directory}`,
      `TemporaryDirectory ${directory}`,
      `LogFile ${path.join(directory, 'clamd.log')}`,
      'Bytecode no',
      '',
    ].join('\n'),
  )
  let output = ''
  const child: ChildProcess = spawn(CLAMD_PATH, ['--config-file', config], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    await rm(directory, { recursive: true, force: true })
  }
  try {
    await Promise.race([
      waitFor('clamd to answer PING', async () => ((await ask(port, 'PING')) === 'PONG' ? true : undefined), { timeoutMs: 60_000, intervalMs: 100 }),
      exited.then(() => Promise.reject(new Error(`clamd exited ${child.exitCode}`))),
    ])
  } catch (error) {
    const log = await readFile(path.join(directory, 'clamd.log'), 'utf8').catch(() => '')
    await stop()
    throw new Error(`${String(error)}\n--- clamd output ---\n${output}${log}`)
  }
  return { host: '127.0.0.1', port, stop }
}
