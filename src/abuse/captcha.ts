/**
 * Server-side captcha verification against the provider's siteverify endpoint. Settings are read
 * from the environment on each call so that an operator's change (and a test) takes effect without
 * a rebuild: CAPTCHA_PROVIDER, CAPTCHA_SECRET, CAPTCHA_MIN_SCORE, CAPTCHA_VERIFY_URL.
 *
 * Asked with undici's `request` over kept-alive connections rather than the global `fetch`: it
 * runs on every public submission, and `fetch` cost several times its CPU (bench/registrationBreakdown.ts).
 */
import { request } from 'undici'

export const CAPTCHA_PROVIDERS = ['turnstile', 'hcaptcha', 'recaptcha', 'none'] as const
export type CaptchaProvider = (typeof CAPTCHA_PROVIDERS)[number]

const SITEVERIFY_URLS: Record<Exclude<CaptchaProvider, 'none'>, string> = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
  recaptcha: 'https://www.google.com/recaptcha/api/siteverify',
}

const VERIFY_TIMEOUT_MS = 5000
const DEFAULT_MIN_SCORE = 0.5

export type CaptchaSettings = {
  provider: CaptchaProvider
  secret: string
  minScore: number
  verifyUrl: string
}

/** The configured provider, or undefined when CAPTCHA_PROVIDER is not set at all. */
export function captchaSettings(env: NodeJS.ProcessEnv = process.env): CaptchaSettings | undefined {
  const provider = env.CAPTCHA_PROVIDER?.trim().toLowerCase()
  if (!provider) return undefined
  if (!CAPTCHA_PROVIDERS.includes(provider as CaptchaProvider)) {
    throw new Error(`CAPTCHA_PROVIDER must be one of ${CAPTCHA_PROVIDERS.join(', ')}; got "${provider}".`)
  }
  const minScore = env.CAPTCHA_MIN_SCORE ? Number(env.CAPTCHA_MIN_SCORE) : DEFAULT_MIN_SCORE
  return {
    provider: provider as CaptchaProvider,
    secret: env.CAPTCHA_SECRET ?? '',
    minScore: Number.isFinite(minScore) ? minScore : DEFAULT_MIN_SCORE,
    verifyUrl: env.CAPTCHA_VERIFY_URL || (provider === 'none' ? '' : SITEVERIFY_URLS[provider as Exclude<CaptchaProvider, 'none'>]),
  }
}

export type CaptchaVerdict =
  | { ok: true }
  /** The token is missing, wrong, expired, reused, or scored as a bot: the client should retry the challenge. */
  | { ok: false; reason: 'missing' | 'invalid' | 'expired-or-reused' | 'low-score' | 'wrong-action'; detail?: string }
  /** The provider could not be asked (down, slow, misconfigured): refuse, but as retryable. */
  | { ok: false; reason: 'unavailable'; detail: string }

type SiteverifyAnswer = {
  success?: boolean
  score?: number
  action?: string
  'error-codes'?: string[]
}

/**
 * Asks the provider whether `token` is a fresh, valid solution, seen from `remoteIp`.
 * For reCAPTCHA v3 (answers carrying a score) the score must reach the threshold and the action
 * must be the one the form declared.
 */
export async function verifyCaptcha(
  settings: CaptchaSettings,
  { token, remoteIp, expectedAction }: { token?: string; remoteIp?: string; expectedAction: string },
): Promise<CaptchaVerdict> {
  if (settings.provider === 'none') return { ok: true }
  if (!token) return { ok: false, reason: 'missing' }

  const form = new URLSearchParams({ secret: settings.secret, response: token })
  if (remoteIp) form.set('remoteip', remoteIp)
  let answer: SiteverifyAnswer
  try {
    const response = await request(settings.verifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS),
    })
    if (response.statusCode !== 200) {
      await response.body.dump()
      return { ok: false, reason: 'unavailable', detail: `siteverify answered ${response.statusCode}` }
    }
    answer = (await response.body.json()) as SiteverifyAnswer
  } catch (error) {
    const detail = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${VERIFY_TIMEOUT_MS} ms` : String(error)
    return { ok: false, reason: 'unavailable', detail }
  }

  const errors = answer['error-codes'] ?? []
  if (!answer.success) {
    if (errors.some((code) => /timeout-or-duplicate|already-seen|expired/.test(code)))
      return { ok: false, reason: 'expired-or-reused', detail: errors.join(',') }
    if (errors.some((code) => /secret/.test(code)))
      return { ok: false, reason: 'unavailable', detail: `provider rejected our secret: ${errors.join(',')}` }
    return { ok: false, reason: 'invalid', detail: errors.join(',') }
  }
  if (typeof answer.score === 'number') {
    if (answer.score < settings.minScore) return { ok: false, reason: 'low-score', detail: String(answer.score) }
    if (answer.action !== expectedAction) return { ok: false, reason: 'wrong-action', detail: String(answer.action) }
  }
  return { ok: true }
}
