import type { TestProject } from 'vitest/node'

import { findFreePort } from '@/scripts/findFreePort'

import { type AppServer, startAppServer } from './appServer'
import { FRONTEND_ORIGIN, SEEDED_ADMIN } from './credentials'
import { httpJson } from './httpClient'
import { appEnv, createTestDatabase, runCommand } from './testDatabase'
import { enrolOverHttp } from './twoFactor'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    smtpPort: number
    /** The server's database, for a test that sets up rows no client can write (tests/e2e/dashboard). */
    databaseUrl: string
  }
}

/**
 * A migrated, seeded database, a fresh production build and the production server serving it,
 * sending its emails to the SMTP port that tests listen on when they want them. Production
 * requires two-factor authentication of admins: the seeded admin is enrolled here, once, and its
 * secret provided to the tests (SEEDED_ADMIN.code, loginToAdmin).
 */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('e2e')
  const smtpPort = await findFreePort()
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
      // Every file signs in to this one server from 127.0.0.1, some 40 times a run: the login limit
      // (tests/int/users.int.spec.ts shows it) must not end the last files' sign-ins.
      RATE_LIMIT_LOGIN_PER_IP: '1000',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      EMAIL_RETRY_DELAY_SECONDS: '1',
    }
    await runCommand(['tsx', 'src/scripts/seed.ts'], env)
    await runCommand(['next', 'build'], env)
    server = await startAppServer(env)
    const login = await httpJson(server.baseURL, 'POST', '/api/users/login', {
      body: { email: SEEDED_ADMIN.email, password: SEEDED_ADMIN.password },
    })
    if (login.status !== 200) throw new Error(`seeded admin login: ${login.status} ${JSON.stringify(login.body)}`)
    project.provide('seededAdminTotpSecret', await enrolOverHttp(server.baseURL, login.body.token))
  } catch (error) {
    await teardown()
    throw error
  }
  project.provide('baseURL', server.baseURL)
  project.provide('smtpPort', smtpPort)
  project.provide('databaseUrl', database.url)
  return teardown
}
