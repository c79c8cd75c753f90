/** Environment reading in one place: secrets and connection strings come only from here. */

export const isProduction = process.env.NODE_ENV === 'production'

/** How a newcomer gets the variables `npm run dev` provides. */
export const SETUP_HINT = 'Start the app with `npm run dev` (it starts a local database), or see .env.example.'

/** A variable the app cannot run without; the error says how a newcomer gets one. */
export function requireEnv(name: string, hint: string): string {
  const value = process.env[name]?.trim()
  if (!value) throw new Error(`${name} is not set. ${hint}`)
  return value
}

/** A comma-separated list, e.g. CORS_ORIGINS="https://otei.ng,https://www.otei.ng". */
export function listEnv(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got "${raw}"`)
  }
  return value
}
