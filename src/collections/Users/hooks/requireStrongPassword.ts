import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as commonPasswords from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'
import { APIError, type CollectionBeforeOperationHook, type CollectionBeforeValidateHook, ValidationError } from 'payload'

const MIN_LENGTH = 12
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3

let estimator: ZxcvbnFactory | undefined
const strength = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonPasswords.dictionary, ...english.dictionary },
    graphs: commonPasswords.adjacencyGraphs,
    translations: english.translations,
  }))

/** What is wrong with `password` for an account known by `userInputs` (email, name), or undefined. */
export async function passwordProblem(password: string, userInputs: unknown[]): Promise<string | undefined> {
  // An email counts whole, by its local part and by each of its words.
  const words = userInputs
    .filter((input): input is string => typeof input === 'string' && input !== '')
    .flatMap((input) => [input, input.split('@')[0], ...input.split(/[^\p{L}\p{N}]+/u)])
    .filter(Boolean)
  if (password.length < MIN_LENGTH) return `Use at least ${MIN_LENGTH} characters.`
  const { score, feedback } = await strength().checkAsync(password, [...words, 'otei'])
  if (score >= MIN_SCORE) return undefined
  return ['This password is too easy to guess.', feedback.warning, ...feedback.suggestions].filter(Boolean).join(' ')
}

/** Staff accounts reach personal data: a new or changed password must be long and not guessable. */
export const requireStrongPassword: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (typeof data?.password !== 'string') return data
  const problem = await passwordProblem(data.password, [data.email, data.name, originalDoc?.email, originalDoc?.name])
  if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: problem }], req })
  return data
}

/** The same rule for a password set through a reset link, which skips the collection's validation hooks. */
export const requireStrongResetPassword: CollectionBeforeOperationHook = async ({ args, operation }) => {
  const password = (args as { data?: { password?: unknown } }).data?.password
  if (operation !== 'resetPassword' || typeof password !== 'string') return args
  const problem = await passwordProblem(password, [])
  if (problem) throw new APIError(problem, 400, undefined, true)
  return args
}
