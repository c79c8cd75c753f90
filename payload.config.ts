import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { recordFailedLogin } from '@/audit/recordFailedLogin'
import { AuditLog } from '@/collections/AuditLog'
import { EmailOutbox } from '@/collections/EmailOutbox'
import { EmailTemplates } from '@/collections/EmailTemplates'
import { Events } from '@/collections/Events'
import { Faqs } from '@/collections/Faqs'
import { Media } from '@/collections/Media'
import { Pages } from '@/collections/Pages'
import { Partners } from '@/collections/Partners'
import { SecurityEvents } from '@/collections/SecurityEvents'
import { Sessions } from '@/collections/Sessions'
import { Speakers } from '@/collections/Speakers'
import { SponsorDecks } from '@/collections/SponsorDecks'
import { Users } from '@/collections/Users'
import { databaseAdapter } from '@/db/databaseAdapter'
import { emailAdapter } from '@/email/emailAdapter'
import { guideEndpoints } from '@/endpoints/guide'
import { health } from '@/endpoints/health'
import { privacyEndpoints } from '@/endpoints/privacy'
import { submissionStatus } from '@/endpoints/submissionStatus'
import { answerDatabaseOutage } from '@/hooks/answerDatabaseOutage'
import { answerUnreadableRequest } from '@/hooks/answerUnreadableRequest'
import { jobs } from '@/jobs'
import { restrictJobStatsGlobal } from '@/jobs/restrictJobStatsGlobal'
import { assertProductionSettings } from '@/lib/assertProductionSettings'
import { DEFAULT_EVENT_TIMEZONE } from '@/lib/choices'
import { listEnv, requireEnv, SETUP_HINT } from '@/lib/env'
import { graphQLDepthLimit } from '@/lib/graphQLDepthLimit'
import { plugins } from '@/plugins'
import { refuseMalformedRequests } from '@/plugins/refuseMalformedRequests'
import { submissionCollections } from '@/submissions'
import { refusePendingSessions } from '@/twoFactor/refusePendingSessions'
import { uploadParserOptions } from '@/uploads/uploadLimits'
import { TWO_FACTOR_LOGGING_LEVELS } from '@/twoFactor/TwoFactorRefusal'
import { assertPublicFormPathsCurrent } from '@/submissions/publicFormPaths'
import { onePerEmailIndexes } from '@/submissions/onePerEmailIndexes'

import { migrations } from './migrations'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// The public frontend runs on another origin: it may call the API, nothing else may.
const allowedOrigins = listEnv('CORS_ORIGINS')

export default buildConfig({
  serverURL: process.env.SERVER_URL || undefined,
  secret: requireEnv('PAYLOAD_SECRET', SETUP_HINT),
  admin: {
    user: Users.slug,
    // No Gravatar: the admin must not call out to third parties with staff email hashes.
    avatar: 'default',
    importMap: { baseDir: dirname },
    components: {
      beforeDashboard: ['/src/components/Dashboard#Dashboard'],
      // A sign-in that still owes its second factor is sent on from the login form to /admin/two-factor.
      beforeLogin: ['/src/components/TwoFactor/SendPendingSignInOn#SendPendingSignInOn'],
      afterNavLinks: ['/src/components/PersonalData/PersonalDataNavLink#PersonalDataNavLink'],
      views: {
        personalData: { Component: '/src/components/PersonalData/PersonalDataView#PersonalDataView', path: '/privacy', exact: true },
        twoFactor: { Component: '/src/components/TwoFactor/TwoFactorView#TwoFactorView', path: '/two-factor', exact: true },
      },
    },
    meta: { titleSuffix: ' · OTEI Admin' },
    // What the scheduling drawer (scheduled publishing) offers first: the events' usual time zone.
    timezones: { defaultTimezone: DEFAULT_EVENT_TIMEZONE },
  },
  collections: [
    ...submissionCollections,
    SponsorDecks,
    Events,
    Sessions,
    Speakers,
    Partners,
    Faqs,
    Pages,
    Media,
    EmailTemplates,
    EmailOutbox,
    Users,
    SecurityEvents,
    AuditLog,
  ],
  editor: lexicalEditor(),
  db: databaseAdapter({
    migrationDir: path.resolve(dirname, 'migrations'),
    migrations,
    schemaHooks: [onePerEmailIndexes],
  }),
  email: emailAdapter(),
  // Multipart bodies (uploads, a sponsor application with its deck): UPLOAD_MAX_MB, refused while they stream in.
  upload: uploadParserOptions,
  // The frontend sends its captcha token in X-Captcha-Token.
  cors: { origins: allowedOrigins, headers: ['X-Captcha-Token'] },
  csrf: allowedOrigins,
  endpoints: [health, ...submissionStatus, ...guideEndpoints, ...privacyEndpoints],
  hooks: { afterError: [answerDatabaseOutage, answerUnreadableRequest, recordFailedLogin] },
  // Wrong two-factor codes are answers, not errors (each also leaves a security event).
  loggingLevels: TWO_FACTOR_LOGGING_LEVELS,
  onInit: (payload) => {
    refusePendingSessions(payload)
    assertProductionSettings(payload)
    restrictJobStatsGlobal(payload)
    assertPublicFormPathsCurrent()
  },
  jobs,
  plugins: [...plugins, refuseMalformedRequests],
  graphQL: {
    // Public endpoint: refuse queries too costly or too deeply nested before running them.
    maxComplexity: 1000,
    validationRules: () => [graphQLDepthLimit(10)],
    disablePlaygroundInProduction: true,
  },
  maxDepth: 5,
  sharp,
  telemetry: false,
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
})
