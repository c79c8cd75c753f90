import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../helpers/payload'
import { RestClient } from '../helpers/restClient'
import { createUser, loginAsSeededAdmin, type TestUser } from '../helpers/users'

/** The job statistics global Payload adds by itself (payload-jobs-stats). */
const PATH = '/globals/payload-jobs-stats'

let payload: Payload
let editor: TestUser
let staff: TestUser

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createUser(payload, ['editor'])
  staff = await createUser(payload, ['staff'])
})

describe("Payload's job statistics", () => {
  it('cannot be read or overwritten by staff or editors, over REST or GraphQL', async () => {
    for (const { client } of [editor, staff]) {
      expect((await client.get(PATH)).status).toBe(403)
      expect((await client.post(PATH, { body: { stats: { forged: true } } })).status).toBe(403)
      const overGraphql = await client.graphql('mutation { updatePayloadJobsStat(data: { stats: "{}" }) { stats } }')
      expect(overGraphql.body.errors?.[0]?.extensions?.statusCode ?? overGraphql.status).toBe(403)
    }
  })

  it('are read by admins', async () => {
    const admin = await loginAsSeededAdmin()
    expect((await admin.get(PATH)).status).toBe(200)
  })
})
