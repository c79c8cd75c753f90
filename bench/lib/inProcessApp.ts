/**
 * The app loaded in the bench script's own process, as the tests load it (not the production
 * bundle), on a fresh migrated database on the peer's PostgreSQL cluster: for benches that time
 * layers of Payload directly. Jobs do not run by themselves.
 */
import { randomBytes } from 'node:crypto'

import { createTestDatabase } from '../../tests/helpers/testDatabase'

import { BENCH_POSTGRES_URL, startBenchPostgres } from './peerBench'

export async function startInProcessApp(label: string, env: Record<string, string> = {}) {
  await startBenchPostgres()
  process.env.DATABASE_URL = BENCH_POSTGRES_URL
  const database = await createTestDatabase(label)
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    // Production refuses to start without it (a bench may set NODE_ENV=production).
    FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  })
  const { getPayload } = await import('payload')
  const config = (await import('../../payload.config')).default
  const payload = await getPayload({ config })
  return {
    payload,
    config,
    stop: async () => {
      payload.db.pool.on('error', () => {}) // destroy() leaves the pool's connections for the drop to end
      await payload.destroy()
      await database.drop()
    },
  }
}
