import { postgresAdapter, type PostgresAdapterArgs } from '@payloadcms/db-postgres'

import { intEnv, requireEnv, SETUP_HINT } from '@/lib/env'
import { assertPinnedVersion } from '@/lib/pinnedVersion'

import { createdAtIdIndex } from './createdAtIdIndex'
import { idsFirstDeepPages } from './idsFirstDeepPages'
import { outageTolerantPg } from './outageTolerantPg'
import type { SchemaHook } from './schemaHook'
import { surfaceCommitFailures } from './surfaceCommitFailures'

/** Collections whose staff lists run to thousands of rows: their deep pages are read ids first. */
const LARGE_LISTS = ['registrations'] as const

/**
 * The database as this app uses it: Payload's PostgreSQL adapter on a pool that survives
 * PostgreSQL restarting, with a COMMIT that fails failing the request, deep list pages read ids
 * first, and the schema hooks given (indexes collections cannot declare). These patches rely on
 * internals of the versions pinned below (docs/upgrading.md): another version refuses to start
 * until they have been checked against it.
 */
export function databaseAdapter({
  migrationDir,
  migrations,
  schemaHooks,
}: {
  migrationDir: string
  migrations: PostgresAdapterArgs['prodMigrations']
  schemaHooks: SchemaHook[]
}) {
  assertPinnedVersion('@payloadcms/db-postgres', '3.90.1', 'src/db/surfaceCommitFailures.ts, idsFirstDeepPages.ts and requestDatabase.ts')
  assertPinnedVersion('pg', '8.20.0', 'src/db/outageTolerantPg.ts')
  return idsFirstDeepPages(
    LARGE_LISTS,
    surfaceCommitFailures(
      postgresAdapter({
        pg: outageTolerantPg,
        pool: {
          connectionString: requireEnv('DATABASE_URL', SETUP_HINT),
          max: intEnv('DATABASE_POOL_MAX', 10),
          // A request waits at most this long for a connection, then answers 503 (answerDatabaseOutage).
          connectionTimeoutMillis: intEnv('DATABASE_CONNECT_TIMEOUT_MS', 5000),
        },
        // Schema changes go through committed migrations only, in development too.
        push: false,
        migrationDir,
        prodMigrations: migrations,
        afterSchemaInit: [createdAtIdIndex(LARGE_LISTS), ...schemaHooks],
      }),
    ),
  )
}
