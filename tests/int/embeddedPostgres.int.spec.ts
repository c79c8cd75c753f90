import { existsSync } from 'node:fs'
import pg from 'pg'
import { describe, expect, it } from 'vitest'

import { startEmbeddedPostgres } from '@/lib/embeddedPostgres'

import { tempClusterDir } from '../helpers/testDatabase'

describe('embedded PostgreSQL as a developer without a database', () => {
  it('starts on a free local port, answers queries, then stops and frees the port', async () => {
    const dataDir = await tempClusterDir()
    const server = await startEmbeddedPostgres({ dataDir, persistent: false })

    const client = new pg.Client({ connectionString: server.serverUrl })
    await client.connect()
    const { rows } = await client.query<{ version: string }>(
      "select current_setting('server_version') as version",
    )
    await client.end()
    expect(rows[0].version).toMatch(/^\d+/)
    expect(new URL(server.serverUrl).hostname).toBe('127.0.0.1')

    await server.stop()
    const afterStop = new pg.Client({ connectionString: server.serverUrl, connectionTimeoutMillis: 2000 })
    await expect(afterStop.connect()).rejects.toThrow(/ECONNREFUSED/)
    expect(existsSync(dataDir)).toBe(false)
  })

  it('reports PostgreSQL’s own output when it cannot start', async () => {
    const dataDir = await tempClusterDir()
    const first = await startEmbeddedPostgres({ dataDir })
    try {
      // A second server on the same cluster folder must be refused by PostgreSQL's lock file.
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/PostgreSQL output[\s\S]*lock file/)
    } finally {
      await first.stop()
    }
  })
})
