'use client'
import { Button, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

import { CodeForm } from './CodeForm'
import { Enrolment } from './Enrolment'
import { postTwoFactor } from './postTwoFactor'

/**
 * The second step of signing in, for a session that still owes its second factor: the code (or a
 * recovery code), or enrolment first for an account that must have one (admins in production).
 * A full page load follows, so the whole admin sees the finished session.
 */
export function TwoFactorSignIn({ mode, email, next }: { mode: 'verify' | 'enrol'; email: string; next: string }) {
  const { config } = useConfig()
  const api = config.routes.api
  const [useRecovery, setUseRecovery] = useState(false)
  const goOn = () => window.location.assign(next)
  const signOut = async () => {
    await postTwoFactor(api, 'cancel')
    window.location.assign(`${config.routes.admin}/login`)
  }

  return (
    <div className="two-factor two-factor--sign-in">
      <h1>{mode === 'enrol' ? 'Set up two-factor authentication' : 'Two-factor authentication'}</h1>
      <p className="two-factor__account">
        Signing in as <strong>{email}</strong>
      </p>
      {mode === 'enrol' ? (
        <>
          <p>Admin accounts must use a second factor. Set it up now to continue to the admin.</p>
          <Enrolment onDone={goOn} doneLabel="I have saved them, continue" />
        </>
      ) : (
        <>
          <p>
            {useRecovery
              ? 'Enter one of the recovery codes you saved when you set up two-factor authentication. Each works once.'
              : 'Enter the 6-digit code from your authenticator app.'}
          </p>
          <CodeForm
            key={useRecovery ? 'recovery' : 'code'}
            kind={useRecovery ? 'recoveryCode' : 'code'}
            submitLabel="Verify"
            onSubmit={async (value) => {
              const result = await postTwoFactor(api, 'verify', useRecovery ? { recoveryCode: value } : { code: value })
              if (!result.ok) return result.message
              goOn()
            }}
          />
          <Button buttonStyle="none" className="two-factor__link" onClick={() => setUseRecovery(!useRecovery)}>
            {useRecovery ? 'Use a code from the app instead' : 'Lost your phone? Use a recovery code'}
          </Button>
        </>
      )}
      <Button buttonStyle="none" className="two-factor__link" onClick={signOut}>
        Sign in as someone else
      </Button>
    </div>
  )
}
