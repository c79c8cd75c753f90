/**
 * npm run migrate: applies pending migrations from migrations/.
 *
 * Not `payload migrate`: on Node 20 that CLI (tsx's runtime tsImport) now and then exits 0
 * without doing anything when the machine is busy, which would start the app on an empty schema.
 */
import { getPayload, type Migration } from 'payload'

import { migrations } from '../../migrations'
import config from '../../payload.config'

async function migrate() {
  const payload = await getPayload({ config })
  // The generated index types each migration's args precisely; migrate() takes them as unknown.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  const { totalDocs } = await payload.count({ collection: 'payload-migrations' })
  payload.logger.info(`migrate: ${totalDocs} of ${migrations.length} migrations applied`)
  await payload.destroy()
}

migrate()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
