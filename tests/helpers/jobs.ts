import type { Payload } from 'payload'

/** Runs queued jobs, as the web process or worker would, until none is runnable right now. */
export async function runQueuedJobs(payload: Payload): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const { noJobsRemaining } = await payload.jobs.run({ limit: 100, silent: true })
    if (noJobsRemaining) return
  }
}

/** Runs the queued jobs of one task only: other files' jobs in the shared database are left alone. */
export async function runQueuedTask(payload: Payload, task: string): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const { noJobsRemaining } = await payload.jobs.run({ limit: 100, silent: true, sequential: true, where: { taskSlug: { equals: task } } })
    if (noJobsRemaining) return
  }
}
