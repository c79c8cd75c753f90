import { generateSecret, generateURI, verifySync } from 'otplib'
import QRCode from 'qrcode'

/** The name authenticator apps show beside the account. */
export const TOTP_ISSUER = 'OTEI Admin'

// One 30-second step either side: phone clocks drift, and a code typed as its step ends arrives in the next.
const TOLERANCE_S = 30

/** A new random secret (160 bits, Base32), as authenticator apps expect. */
export const newTotpSecret = (): string => generateSecret()

/** The otpauth:// address the QR code holds. */
export const totpUri = (email: string, secret: string): string =>
  generateURI({ issuer: TOTP_ISSUER, label: email, secret })

/** The QR code of `uri` as SVG markup, drawn on the server (no image request, no third party). */
export const qrCodeSvg = (uri: string): Promise<string> =>
  QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })

/** True when `code` is the current 6-digit code of `secret` (spaces ignored). */
export function isValidTotp(secret: string, code: unknown): boolean {
  if (typeof code !== 'string') return false
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return false
  try {
    return verifySync({ secret, token, epochTolerance: TOLERANCE_S }).valid
  } catch {
    return false
  }
}
