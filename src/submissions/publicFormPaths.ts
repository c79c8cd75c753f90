import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import { FORM_TOO_LARGE_MESSAGE, MAX_FORM_BODY_BYTES } from '@/lib/constants'

import { SUBMISSION_FORMS } from '@/submissions'

/** Payload's REST and GraphQL routes (its defaults, which payload.config.ts keeps). */
const API_ROUTE = '/api'
const GRAPHQL_ROUTE = `${API_ROUTE}/graphql`
/** The self-service privacy request, public like the forms (src/endpoints/privacy/requestPrivacyLink.ts). */
const PRIVACY_REQUESTS_ROUTE = `${API_ROUTE}/privacy/requests`

/** `payload`: answered in Payload's error shape; `guide`: in the requirements guide's envelope. */
export type PublicFormPaths = {
  maxBytes: number
  message: string
  paths: { payload: string[]; guide: string[] }
  /** The form paths whose multipart posts may carry a file (a form's attachment): up to UPLOAD_MAX_MB more. */
  uploadPaths: string[]
}

/**
 * Where the public posts forms, and the most it may send: each form's REST collection and guide
 * endpoint, GraphQL and the privacy request. The production server (src/server.mjs, plain JavaScript, which cannot
 * import this registry) refuses larger bodies on these paths while they stream in; it reads them
 * from publicFormPaths.json, written from here by `npm run generate:types`.
 */
export const publicFormPaths = (): PublicFormPaths => ({
  maxBytes: MAX_FORM_BODY_BYTES,
  message: FORM_TOO_LARGE_MESSAGE,
  paths: {
    payload: [...SUBMISSION_FORMS.map(({ slug }) => `${API_ROUTE}/${slug}`), GRAPHQL_ROUTE, PRIVACY_REQUESTS_ROUTE],
    guide: SUBMISSION_FORMS.map(({ guide }) => `${API_ROUTE}${guide.submitPath}`),
  },
  uploadPaths: SUBMISSION_FORMS.filter((form) => form.attachment).flatMap(({ slug, guide }) => [`${API_ROUTE}/${slug}`, `${API_ROUTE}${guide.submitPath}`]),
})

export const PUBLIC_FORM_PATHS_FILE = path.resolve('src/submissions/publicFormPaths.json')

export const writePublicFormPaths = () => writeFile(PUBLIC_FORM_PATHS_FILE, `${JSON.stringify(publicFormPaths(), null, 2)}\n`)

/** A form added without the file rewritten would go unguarded by the server's body limit. */
export function assertPublicFormPathsCurrent(): void {
  const written: unknown = JSON.parse(readFileSync(PUBLIC_FORM_PATHS_FILE, 'utf8'))
  if (JSON.stringify(written) !== JSON.stringify(publicFormPaths())) {
    throw new Error('src/submissions/publicFormPaths.json does not match the forms: run `npm run generate:types`.')
  }
}
