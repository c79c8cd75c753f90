import { type ChildProcess, spawn } from 'node:child_process'

import { waitFor } from './waitFor'

export type WorkerProcess = { child: ChildProcess; pid: number; output: () => string; exited: Promise<number | null>; stop: () => Promise<number | null> }

/**
 * The job worker as production runs it (`npm run worker`'s script), in one process: the tsx CLI
 * would run the script in a child that a SIGKILL of the CLI leaves running.
 */
export const WORKER_COMMAND = [process.execPath, '--import', 'tsx', 'src/scripts/worker.ts']

/** The job worker with `env`, once it runs jobs; `stop` sends SIGTERM and resolves with its exit code. */
export async function startWorker(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
  const [bin, ...args] = WORKER_COMMAND
  const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    return exited
  }
  try {
    await waitFor(
      'the worker to run jobs',
      async () => {
        if (child.exitCode !== null) throw new Error(`the worker exited ${child.exitCode}`)
        return output.includes('worker: running jobs') ? true : undefined
      },
      { timeoutMs: 60_000 },
    )
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- worker output ---\n${output}`)
  }
  return { child, pid: child.pid!, output: () => output, exited, stop }
}
