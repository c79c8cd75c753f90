import pg, { type PoolClient } from 'pg'

const ignore = () => {}

/**
 * A pg Pool that lives through PostgreSQL stopping and starting again (restart, failover):
 *
 * - A connection that dies while idle in the pool is dropped by pg-pool, which then emits 'error'
 *   on the pool; Payload listens for none, and an unheard 'error' ends the Node process.
 * - One that dies while checked out (a transaction while its hooks run) emits 'error' on the
 *   client itself, with the same effect. It goes back to the pool at once, as broken, so the pool
 *   drops it: its holder's next query fails ("not queryable", answered 503 by
 *   answerDatabaseOutage) and the holder's own release later does nothing. Without this, a dead
 *   connection nobody releases would count against the pool for good: the one Payload's connect()
 *   keeps checked out, and one each time Drizzle's BEGIN fails (it releases only after BEGIN).
 *
 * Either way the failure is logged with the request that meets it, so the listeners stay quiet.
 */
class OutageTolerantPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config)
    this.on('error', ignore)
    this.on('connect', (client) => client.on('error', ignore))
  }

  connect(): Promise<PoolClient>
  connect(callback: (err: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void): void
  connect(callback?: Parameters<pg.Pool['connect']>[0]): Promise<PoolClient> | void {
    // The callback form is pool.query's, which releases a broken client itself.
    if (callback) return super.connect(callback)
    return super.connect().then(releasedWhenBroken)
  }
}

function releasedWhenBroken(client: PoolClient): PoolClient {
  const release = client.release.bind(client)
  let released = false
  const releaseOnce = (error?: Error | boolean) => {
    if (released) return
    released = true
    client.removeListener('error', releaseOnce)
    release(error)
  }
  client.on('error', releaseOnce)
  client.release = releaseOnce
  return client
}

/** node-postgres for `postgresAdapter({ pg })`, with the pool above. */
export const outageTolerantPg: typeof pg = { ...pg, Pool: OutageTolerantPool }
