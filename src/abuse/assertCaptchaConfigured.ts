import { captchaSettings } from './captcha'

/**
 * Production must say which captcha protects the public forms (CAPTCHA_PROVIDER=none included,
 * deliberately); development may leave it unset, with a warning.
 */
export function assertCaptchaConfigured(logger: { warn: (message: string) => void }, production: boolean): void {
  const settings = captchaSettings()
  if (!settings && production) {
    throw new Error('CAPTCHA_PROVIDER must be set in production: turnstile, hcaptcha, recaptcha, or none.')
  }
  if (!settings || settings.provider === 'none') {
    logger.warn('No captcha on the public forms (CAPTCHA_PROVIDER is unset or none): fine for development only.')
  } else if (!settings.secret) {
    throw new Error(`CAPTCHA_SECRET must be set for CAPTCHA_PROVIDER=${settings.provider}.`)
  }
}
