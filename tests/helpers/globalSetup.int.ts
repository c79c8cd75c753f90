import type { TestProject } from 'vitest/node'

import { SEEDED_ADMIN } from './credentials'
import { appEnv, createTestDatabase, runCommand } from './testDatabase'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    payloadSecret: string
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase('int')
  const env: NodeJS.ProcessEnv = {
    ...appEnv(database.url),
    ADMIN_EMAIL: SEEDED_ADMIN.email,
    ADMIN_PASSWORD: SEEDED_ADMIN.password,
  }
  try {
    await runCommand(['tsx', 'src/scripts/seed.ts'], env)
  } catch (error) {
    await database.drop()
    throw error
  }
  project.provide('databaseUrl', database.url)
  project.provide('payloadSecret', env.PAYLOAD_SECRET!)
  return () => database.drop()
}
