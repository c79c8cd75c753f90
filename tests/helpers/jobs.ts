import type { Payload } from 'payload'

/** Runs queued jobs, as the web process or worker would, until none is runnable right now. */
export async function runQueuedJobs(payload: Payload): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const { noJobsRemaining } = await payload.jobs.run({ limit: 100, silent: true })
    if (noJobsRemaining) return
  }
}
