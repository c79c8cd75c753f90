import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { EmailOutbox } from '@/collections/EmailOutbox'
import { EmailTemplates } from '@/collections/EmailTemplates'
import { Events } from '@/collections/Events'
import { ExhibitorApplications } from '@/collections/ExhibitorApplications'
import { Registrations } from '@/collections/Registrations'
import { registrationsListIndex } from '@/collections/Registrations/listIndex'
import { SecurityEvents } from '@/collections/SecurityEvents'
import { SponsorApplications } from '@/collections/SponsorApplications'
import { Users } from '@/collections/Users'
import { VolunteerApplications } from '@/collections/VolunteerApplications'
import { guideEndpoints } from '@/endpoints/guide'
import { health } from '@/endpoints/health'
import { answerDatabaseOutage } from '@/hooks/answerDatabaseOutage'
import { emailAdapter } from '@/email/emailAdapter'
import { tasks } from '@/jobs'
import { releaseStalledJobsNow } from '@/jobs/releaseStalledJobs'
import { assertCaptchaConfigured } from '@/lib/assertCaptchaConfigured'
import { idsFirstDeepPages } from '@/lib/idsFirstDeepPages'
import { intEnv, isProduction, listEnv, requireEnv } from '@/lib/env'
import { outageTolerantPg } from '@/lib/outageTolerantPg'
import { surfaceCommitFailures } from '@/lib/surfaceCommitFailures'
import { plugins } from '@/plugins'

import { migrations } from './migrations'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const GRAPHQL_MAX_DEPTH = 10
const LAUNCHER_HINT = 'Start the app with `npm run dev` (it starts a local database), or see .env.example.'

// The public frontend runs on another origin: it may call the API, nothing else may.
const allowedOrigins = listEnv('CORS_ORIGINS')

export default buildConfig({
  serverURL: process.env.SERVER_URL || undefined,
  secret: requireEnv('PAYLOAD_SECRET', LAUNCHER_HINT),
  admin: {
    user: Users.slug,
    // No Gravatar: the admin must not call out to third parties with staff email hashes.
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · OTEI Admin' },
  },
  collections: [
    Registrations,
    SponsorApplications,
    ExhibitorApplications,
    VolunteerApplications,
    Events,
    EmailTemplates,
    EmailOutbox,
    Users,
    SecurityEvents,
  ],
  editor: lexicalEditor(),
  // A COMMIT that fails fails the request (Payload 3.90.1 would answer success); deep list pages
  // are read ids first.
  db: idsFirstDeepPages(surfaceCommitFailures(
    postgresAdapter({
      // Survives PostgreSQL restarting: no crash on a dropped connection, no connection lost for good.
      pg: outageTolerantPg,
      pool: {
        connectionString: requireEnv('DATABASE_URL', LAUNCHER_HINT),
        max: intEnv('DATABASE_POOL_MAX', 10),
        // A request waits at most this long for a connection, then answers 503 (answerDatabaseOutage).
        connectionTimeoutMillis: intEnv('DATABASE_CONNECT_TIMEOUT_MS', 5000),
      },
      // Schema changes go through committed migrations only, in development too.
      push: false,
      migrationDir: path.resolve(dirname, 'migrations'),
      prodMigrations: migrations,
      afterSchemaInit: [registrationsListIndex],
    }),
  )),
  email: emailAdapter(),
  // The frontend sends its captcha token in X-Captcha-Token.
  cors: { origins: allowedOrigins, headers: ['X-Captcha-Token'] },
  csrf: allowedOrigins,
  endpoints: [health, ...guideEndpoints],
  hooks: { afterError: [answerDatabaseOutage] },
  onInit: (payload) => {
    // Payload trusts its own origin for cookie-authenticated admin requests only when it knows it.
    if (isProduction && !process.env.SERVER_URL) throw new Error('SERVER_URL must be set in production.')
    // Without SMTP, emails would only be logged: confirmation links would never reach anyone.
    if (isProduction && !process.env.SMTP_HOST)
      throw new Error('SMTP_HOST must be set in production (see .env.example for the SMTP_* variables).')
    assertCaptchaConfigured(payload.logger, isProduction)
  },
  jobs: {
    tasks,
    // Jobs (emails, exports, scheduled clean-ups) run every second inside the web process unless
    // JOBS_AUTORUN=false: in tests, which run them explicitly, and beside `npm run worker`.
    autoRun: [{ cron: '* * * * * *', queue: 'default', limit: intEnv('JOBS_BATCH_SIZE', 50) }],
    shouldAutoRun: async (payload) => {
      if (process.env.JOBS_AUTORUN === 'false') return false
      await releaseStalledJobsNow(payload)
      return true
    },
  },
  plugins,
  graphQL: {
    // Public endpoint: refuse queries too costly or too deeply nested before running them.
    maxComplexity: 1000,
    validationRules: () => [
      maxDepthRule({
        n: GRAPHQL_MAX_DEPTH,
        // Report as a validation error (HTTP 400) rather than throw, which graphql-http answers with a 500.
        propagateOnRejection: false,
        onReject: [(context, error) => context?.reportError(error)],
      }),
    ],
    disablePlaygroundInProduction: true,
  },
  maxDepth: 5,
  sharp,
  telemetry: false,
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
})
