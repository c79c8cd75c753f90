import type { Payload } from 'payload'

import type { RestClient } from './restClient'
import { createTestDatabase } from './testDatabase'

export type OwnDatabase = { payload: Payload; RestClient: typeof RestClient; drop: () => Promise<void> }

/**
 * For a test file that needs a database of its own (no seeded users or events): a fresh migrated
 * database on the run's server, with the app and REST client loaded against it. Call it before
 * anything imports the Payload config.
 */
export async function useOwnDatabase(label: string): Promise<OwnDatabase> {
  const database = await createTestDatabase(label)
  process.env.DATABASE_URL = database.url
  const payload = await (await import('./payload')).getTestPayload()
  const { RestClient } = await import('./restClient')
  return {
    payload,
    RestClient,
    drop: async () => {
      // destroy() leaves the pool open (Payload keeps one client checked out for good), so the
      // drop terminates its connections; their errors are expected here.
      payload.db.pool.on('error', () => {})
      await payload.destroy()
      await database.drop()
    },
  }
}
