import type { Access, Payload, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { CAPTCHA_HEADER } from '@/abuse/guardPublicSubmission'
import { limitLoginsPerIp } from '@/collections/Users/hooks/limitLoginsPerIp'
import { ROLES } from '@/lib/choices'
import { isSubmissionSlug, submissionForm } from '@/submissions'

import { errorAnswer, type ErrorStatus } from './errorAnswers'

type Json = Record<string, any>

/** Who an access rule lets through. */
type Reach = {
  /** A signed-out caller gets in (perhaps to fewer documents). */
  anonymous: boolean
  /** Some caller, signed out or holding some role, is refused: 403. */
  refuses: boolean
  /** Nobody gets in over the API: 403 is the only answer, so the operation is left out. */
  nobody: boolean
}

const CALLERS = [null, ...ROLES.map((role) => ({ collection: 'users', roles: [role] }))]

/**
 * Evaluates a collection's access rule for a signed-out caller and for one holding each role, as
 * Payload's operations do (a `Where` lets the caller in, to the documents it matches). Our rules
 * read only `req.user`; one that needs more (and throws here) counts as refusing, never as public.
 */
async function reachOf(access: Access | undefined, payload: Payload): Promise<Reach> {
  const verdicts = await Promise.all(
    CALLERS.map(async (user) => {
      if (!access) return Boolean(user) // Payload's default: any signed-in user
      try {
        const req = { user, payload, headers: new Headers(), context: {}, payloadAPI: 'REST' } as unknown as PayloadRequest
        return (await access({ req })) !== false
      } catch {
        return undefined
      }
    }),
  )
  return {
    anonymous: verdicts[0] === true,
    refuses: verdicts.some((verdict) => verdict !== true),
    nobody: verdicts.every((verdict) => verdict === false),
  }
}

type Answers = Partial<Record<ErrorStatus, string | undefined>>

/**
 * The generated operations of every collection (routes/rest/collections in Payload): what each
 * answers besides success, the access rule that decides who may call it, and the answers of its
 * own that follow from what it does.
 */
const COLLECTION_OPERATIONS = [
  { path: '', method: 'get', access: 'read', answers: { 400: 'A `where` or `sort` names a field that cannot be queried' } },
  { path: '', method: 'post', access: 'create', answers: { 400: undefined } },
  { path: '/{id}', method: 'get', access: 'read', answers: { 404: undefined } },
  { path: '/{id}', method: 'patch', access: 'update', answers: { 400: undefined, 404: undefined } },
  { path: '/{id}', method: 'delete', access: 'delete', answers: { 404: undefined } },
] as const satisfies { path: string; method: string; access: keyof SanitizedCollectionConfig['access']; answers: Answers }[]

/** What a public form's create adds (src/abuse/guardPublicSubmission.ts). */
const PUBLIC_FORM_ANSWERS: Answers = {
  400: 'Field errors (`data.errors`), the captcha’s included (`captchaToken`); nothing was stored',
  413: undefined,
  429: 'Too many posts from this address or for this email, or the same content again: wait `Retry-After` seconds',
}

/** What a file sent with a request adds (src/uploads/checkUploadedFile.ts, uploadLimits.ts). */
const UPLOAD_ANSWERS: Answers = {
  400: 'Field errors (`data.errors`), the file’s included: its type, judged by its content, is not one the collection accepts; nothing was stored',
  413: 'The file is over `UPLOAD_MAX_MB` (10 MB), refused while it streams in; nothing was stored',
  422: undefined,
  503: 'Briefly unavailable (the database, or the virus scanner that checks every file): retry after `Retry-After` seconds; nothing was stored',
}

/** The same for a public form that takes a file with it (a sponsor's deck), its form's answers kept. */
const ATTACHMENT_ANSWERS: Answers = {
  400: 'Field errors (`data.errors`), the captcha’s and the attached file’s included (not of an accepted type by its content); nothing was stored',
  413: 'The form is over 64 KB, or its file over `UPLOAD_MAX_MB` (10 MB); nothing was stored',
  422: undefined,
  503: 'Briefly unavailable (the database, the captcha provider or the virus scanner): retry after `Retry-After` seconds; nothing was stored',
}

/**
 * Payload's auth operations (auth/operations/*.ts), for an auth collection with local login; the
 * statuses are Payload's own, the words say when.
 */
const AUTH_OPERATIONS: Record<string, { method: string; answers: Answers; access?: keyof SanitizedCollectionConfig['access'] }> = {
  login: {
    method: 'post',
    answers: { 400: 'Email or password missing', 401: 'Wrong email or password, or the account is locked after too many wrong passwords' },
  },
  'forgot-password': { method: 'post', answers: { 400: 'Email missing' } },
  'reset-password': { method: 'post', answers: { 400: 'Token or password missing', 403: 'The token is invalid or has expired' } },
  'first-register': { method: 'post', answers: { 400: undefined, 403: 'An account exists already: only the first one registers here' } },
  unlock: { method: 'post', access: 'unlock', answers: { 400: 'Email missing' } },
  logout: { method: 'post', answers: { 400: 'Not signed in' } },
  'refresh-token': { method: 'post', answers: { 403: 'Not signed in' } },
}

const setAnswers = (operation: Json, answers: Answers) => {
  for (const [status, description] of Object.entries(answers)) {
    operation.responses[status] = errorAnswer(Number(status) as ErrorStatus, description)
  }
}

/** The caller may sign in or not: public operations still serve staff differently (drafts, walk-ins). */
const OPTIONAL_SIGN_IN = [{}, { ApiKey: [] }]

/**
 * Gives each operation payload-oapi generates for a collection the error answers it really gives,
 * derived from the collection's access rules, the forms registry and its hooks, and states whether
 * signing in is needed. Custom endpoints document their own answers (`custom.openapi`).
 */
export async function addOperationAnswers(document: Json, payload: Payload): Promise<void> {
  const api = payload.config.routes.api
  for (const { config } of Object.values(payload.collections)) {
    for (const { path, method, access, answers } of COLLECTION_OPERATIONS) {
      const operation = document.paths[`${api}/${config.slug}${path}`]?.[method]
      if (!operation) continue
      const reach = await reachOf(config.access[access], payload)
      if (reach.nobody) {
        // Served, but refused to everyone: documenting an operation nobody can use would only mislead.
        removeOperation(document, `${api}/${config.slug}${path}`, method)
        continue
      }
      setAnswers(operation, answers)
      if (access === 'create' && isSubmissionSlug(config.slug)) addPublicForm(operation)
      if (access === 'create' && isSubmissionSlug(config.slug) && submissionForm(config.slug).attachment) setAnswers(operation, ATTACHMENT_ANSWERS)
      if (config.upload && (access === 'create' || access === 'update')) setAnswers(operation, UPLOAD_ANSWERS)
      if (reach.refuses) {
        const who = reach.anonymous ? 'Signed in with a role that may not do this (signed out, it is allowed: e.g. an editor posting a form)' : undefined
        operation.responses[403] = errorAnswer(403, who)
      }
      if (reach.anonymous) operation.security = OPTIONAL_SIGN_IN
    }
    if (config.auth && !config.auth.disableLocalStrategy) await addAuthAnswers(document, payload, config)
  }
}

function removeOperation(document: Json, path: string, method: string): void {
  const { [method]: _removed, ...rest } = document.paths[path]
  if (Object.keys(rest).some((key) => key !== 'parameters')) document.paths[path] = rest
  else delete document.paths[path]
}

function addPublicForm(operation: Json): void {
  setAnswers(operation, PUBLIC_FORM_ANSWERS)
  operation.parameters = [
    ...(operation.parameters ?? []),
    {
      in: 'header',
      name: CAPTCHA_HEADER,
      description: 'The captcha provider’s token (or send it as `captchaToken` in the body)',
      schema: { type: 'string' },
    },
  ]
  // Staff post walk-ins signed in: no captcha, no rate limit for them.
  operation.security = OPTIONAL_SIGN_IN
}

async function addAuthAnswers(document: Json, payload: Payload, config: SanitizedCollectionConfig): Promise<void> {
  const api = payload.config.routes.api
  for (const [name, { method, answers, access }] of Object.entries(AUTH_OPERATIONS)) {
    const operation = document.paths[`${api}/${config.slug}/${name}`]?.[method]
    if (!operation) continue
    setAnswers(operation, answers)
    if (access && (await reachOf(config.access[access], payload)).refuses) operation.responses[403] = errorAnswer(403)
    if (name === 'login' && config.hooks.beforeOperation?.includes(limitLoginsPerIp)) {
      operation.responses[429] = errorAnswer(429, 'Too many login attempts from this address: wait `Retry-After` seconds')
    }
  }
}
