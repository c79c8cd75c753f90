/**
 * npm run worker: runs the job queue (emails, exports, scheduled clean-ups) in a process of its
 * own, for production beside web processes started with JOBS_AUTORUN=false. Any number of
 * workers may run: each email is claimed in the outbox before it is sent.
 */
import { getPayload } from 'payload'

import config from '../../payload.config'

// The web processes may be told not to run jobs; the worker is there to run them.
process.env.JOBS_AUTORUN = 'true'

const payload = await getPayload({ config, cron: true })
payload.logger.info('worker: running jobs')

const stop = async (signal: string) => {
  payload.logger.info(`worker: ${signal}, stopping`)
  await payload.destroy()
  process.exit(0)
}
process.once('SIGTERM', () => void stop('SIGTERM'))
process.once('SIGINT', () => void stop('SIGINT'))
