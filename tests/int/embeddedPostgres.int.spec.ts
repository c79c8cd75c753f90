import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'

import { startEmbeddedPostgres } from '@/scripts/embeddedPostgres'

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

  it('shares a cluster that another command already runs instead of failing on its lock', async () => {
    const dataDir = await tempClusterDir()
    const first = await startEmbeddedPostgres({ dataDir, persistent: false })
    try {
      const second = await startEmbeddedPostgres({ dataDir })
      expect(second.port).toBe(first.port)
      await second.stop()
      const client = new pg.Client({ connectionString: first.serverUrl })
      await client.connect()
      await client.end()
    } finally {
      await first.stop()
    }
  })

  it('reports PostgreSQL’s own output when it cannot start', async () => {
    const dataDir = await tempClusterDir()
    await mkdir(dataDir, { recursive: true })
    // A folder that claims to be a cluster but is not one.
    await writeFile(path.join(dataDir, 'PG_VERSION'), '9.0\n')
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      /PostgreSQL output ---\n[\s\S]*could not access the server configuration file/,
    )
  })
})
