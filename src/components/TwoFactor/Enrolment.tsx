'use client'
import { Button, CopyToClipboard, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

import { CodeForm } from './CodeForm'
import { postTwoFactor } from './postTwoFactor'
import { RecoveryCodes } from './RecoveryCodes'

type Setup = { secret: string; otpauthUri: string; qrCodeSvg: string }

/**
 * Setting up an authenticator app: a QR code and the same secret as text, one code to confirm,
 * then the recovery codes, shown once. `onDone` runs when the person has seen them.
 */
export function Enrolment({
  onDone,
  onEnabled,
  doneLabel,
}: {
  onDone: () => void
  /** Runs as soon as it is on, while the recovery codes are shown. */
  onEnabled?: () => void
  doneLabel: string
}) {
  const { config } = useConfig()
  const api = config.routes.api
  const [setup, setSetup] = useState<Setup>()
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>()
  const [error, setError] = useState<string>()
  const [starting, setStarting] = useState(false)

  const start = async () => {
    setStarting(true)
    const result = await postTwoFactor<Setup>(api, 'setup')
    setStarting(false)
    if (result.ok) setSetup(result.body)
    setError(result.ok ? undefined : result.message)
  }

  if (recoveryCodes) {
    return (
      <div className="two-factor__step">
        <p>
          <strong>Two-factor authentication is on.</strong> Keep these recovery codes somewhere safe, away from your
          phone. Each signs you in once if you lose your authenticator app. They are shown only now.
        </p>
        <RecoveryCodes codes={recoveryCodes} />
        <Button buttonStyle="primary" size="medium" onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    )
  }

  if (!setup) {
    return (
      <div className="two-factor__step">
        <p>
          You will need an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator,
          1Password or Aegis). After your password, sign-in will ask for the 6-digit code it shows.
        </p>
        {error && <p className="two-factor__error" role="alert">{error}</p>}
        <Button buttonStyle="primary" size="medium" onClick={start} disabled={starting}>
          {starting ? 'Preparing…' : 'Set up an authenticator app'}
        </Button>
      </div>
    )
  }

  return (
    <div className="two-factor__step">
      <ol className="two-factor__steps">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          <div
            className="two-factor__qr"
            role="img"
            aria-label="QR code of the two-factor secret"
            // SVG drawn by our server (the qrcode package) from the otpauth address: no user input in it.
            dangerouslySetInnerHTML={{ __html: setup.qrCodeSvg }}
          />
          <p className="two-factor__secret-label">Or enter this key by hand (time-based, 6 digits):</p>
          <div className="two-factor__secret">
            <code data-testid="two-factor-secret">{setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
            <CopyToClipboard value={setup.secret} />
          </div>
        </li>
        <li>
          <p>Enter the code the app now shows for OTEI Admin.</p>
          <CodeForm
            submitLabel="Turn on two-factor authentication"
            onSubmit={async (code) => {
              const result = await postTwoFactor<{ recoveryCodes: string[] }>(api, 'enable', { code })
              if (!result.ok) return result.message
              setRecoveryCodes(result.body.recoveryCodes)
              onEnabled?.()
            }}
          />
        </li>
      </ol>
    </div>
  )
}
