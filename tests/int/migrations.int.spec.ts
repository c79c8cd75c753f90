import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '../../migrations'
import { getTestPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('migrations as the schema of record', () => {
  it('have all been applied to the test database by the migrate script', async () => {
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 1000 })
    const applied = docs.map((doc) => doc.name).sort()
    expect(applied).toEqual(migrations.map((migration) => migration.name).sort())
  })

  it('match the collections (no drift: after changing a collection, run `npm run migrate:create`)', async () => {
    // The same comparison `payload migrate:create` makes: latest committed snapshot vs the config.
    const { generateDrizzleJson, generateMigration } = payload.db.requireDrizzleKit()
    const dir = payload.db.migrationDir
    const latestSnapshot = readdirSync(dir).filter((file) => file.endsWith('.json')).sort().at(-1)!
    const committed = JSON.parse(readFileSync(path.join(dir, latestSnapshot), 'utf8'))
    const current = await generateDrizzleJson(payload.db.schema)
    expect(await generateMigration(committed, current)).toEqual([])
  })
})
