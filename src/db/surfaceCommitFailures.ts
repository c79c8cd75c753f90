import { randomUUID } from 'node:crypto'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

type Session = { db: unknown; resolve: () => Promise<void>; reject: () => Promise<void> }
/** The parts of Payload's Drizzle adapter that transactions use. */
type DrizzleAdapter = BaseDatabaseAdapter & {
  drizzle: { transaction: (work: (tx: unknown) => Promise<void>, options?: unknown) => Promise<void> }
  initializing: Promise<void>
  sessions: Record<string, Session>
  transactionOptions: unknown
}

/**
 * Payload's Drizzle adapter (3.90.1) answers success when COMMIT fails: beginTransaction's catch,
 * added so a failed connection does not hang the begin, also swallows the transaction's outcome,
 * and commitTransaction swallows what would be left. So a request whose connection dies just
 * before COMMIT (PostgreSQL restarting) answers 201 for a row that was rolled back. These two
 * replacements keep Payload's behaviour otherwise, but let a failed COMMIT fail the operation
 * (and answer 503, see answerDatabaseOutage). Upstream: payloadcms/payload#17726, not merged yet.
 */
export function surfaceCommitFailures<T extends DatabaseAdapterObj>(adapterObj: T): T {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as DrizzleAdapter
      adapter.beginTransaction = beginTransaction
      adapter.commitTransaction = commitTransaction
      return adapter
    },
  }
}

async function beginTransaction(this: DrizzleAdapter, options?: Record<string, unknown>): Promise<string> {
  let transaction: unknown
  let commit!: () => void
  let rollBack!: () => void
  let ready!: () => void
  let failed!: (error: unknown) => void
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve
    failed = reject
  })
  await this.initializing
  const outcome = this.drizzle.transaction(
    async (tx) => {
      transaction = tx
      await new Promise<void>((resolve, reject) => {
        commit = resolve
        rollBack = () => reject(new Error('rolled back'))
        ready()
      })
    },
    options || this.transactionOptions,
  )
  // Before the callback runs (no connection), a failure fails the begin instead of hanging it.
  outcome.catch(failed)
  const settled = outcome.then(
    () => {},
    () => {},
  )
  try {
    await started
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    this.payload.logger.error({ err: error, msg: `Error: cannot begin transaction: ${message}` })
    // Payload's own wording, which isDatabaseUnavailable recognises.
    throw new Error(`Error: cannot begin transaction: ${message}`)
  }
  const id = randomUUID()
  this.sessions[id] = {
    db: transaction,
    // A failed COMMIT (Drizzle has already tried ROLLBACK) rejects.
    resolve: () => (commit(), outcome),
    // A rollback never throws: the request is already failing for its own reason.
    reject: () => (rollBack(), settled),
  }
  return id
}

async function commitTransaction(this: DrizzleAdapter, incomingID: number | Promise<number | string> | string = ''): Promise<void> {
  const id = String(await incomingID)
  const session = this.sessions[id]
  if (!session) return // already ended (rolled back by another operation sharing it)
  delete this.sessions[id]
  await session.resolve()
}
