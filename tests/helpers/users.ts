import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import type { Role } from '@/lib/choices'

import { SEEDED_ADMIN } from './credentials'
import { RestClient } from './restClient'

export type TestUser = { id: number; email: string; password: string; client: RestClient }

/** A new account holding `roles`, set up through the Local API, and a REST client logged in as it. */
export async function createUser(payload: Payload, roles: Role[]): Promise<TestUser> {
  const email = `${roles.join('-') || 'nobody'}-${randomBytes(4).toString('hex')}@otei.test`
  const password = `pw-${randomBytes(8).toString('hex')}`
  const user = await payload.create({ collection: 'users', data: { email, password, roles } })
  return { id: user.id as number, email, password, client: await RestClient.login(email, password) }
}

export const loginAsSeededAdmin = () => RestClient.login(SEEDED_ADMIN.email, SEEDED_ADMIN.password)
