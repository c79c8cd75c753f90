import type { TestProject } from 'vitest/node'

import { type AppServer, startAppServer } from './appServer'
import { FRONTEND_ORIGIN, SEEDED_ADMIN } from './credentials'
import { appEnv, createTestDatabase, runCommand } from './testDatabase'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

/** A migrated, seeded database, a fresh production build and `next start` serving it. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('e2e')
  let server: AppServer | undefined
  const teardown = async () => {
    await server?.stop()
    await database.drop()
  }
  try {
    const env: NodeJS.ProcessEnv = {
      ...appEnv(database.url),
      ADMIN_EMAIL: SEEDED_ADMIN.email,
      ADMIN_PASSWORD: SEEDED_ADMIN.password,
      CORS_ORIGINS: FRONTEND_ORIGIN,
      RATE_LIMIT_FORM_PER_IP: '5',
    }
    await runCommand(['tsx', 'src/scripts/seed.ts'], env)
    await runCommand(['next', 'build'], env)
    server = await startAppServer(env)
  } catch (error) {
    await teardown()
    throw error
  }
  project.provide('baseURL', server.baseURL)
  return teardown
}
