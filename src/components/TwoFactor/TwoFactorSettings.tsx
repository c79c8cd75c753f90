'use client'
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { CodeForm } from './CodeForm'
import { Enrolment } from './Enrolment'
import { postTwoFactor } from './postTwoFactor'
import { RecoveryCodes } from './RecoveryCodes'

/** For a finished session: set up, new recovery codes, turn off (each with a current code). */
export function TwoFactorSettings({ enabled, required }: { enabled: boolean; required: boolean }) {
  const { config } = useConfig()
  const api = config.routes.api
  const router = useRouter()
  const [newCodes, setNewCodes] = useState<string[]>()
  const [action, setAction] = useState<'recovery-codes' | 'disable'>()
  const [enrolled, setEnrolled] = useState(false)

  if (!enabled) {
    return (
      <section className="two-factor__section">
        {!enrolled && (
          <p className="two-factor__status">
            Status: <strong>off</strong>. {required ? 'Your account must use it.' : 'Optional for your account, and recommended.'}
          </p>
        )}
        <Enrolment onEnabled={() => setEnrolled(true)} onDone={() => router.refresh()} doneLabel="Done" />
      </section>
    )
  }

  return (
    <>
      <section className="two-factor__section">
        <p className="two-factor__status">
          Status: <strong>on</strong>. Signing in asks for a code from your authenticator app after your password.
        </p>
      </section>
      <section className="two-factor__section">
        <h2>Recovery codes</h2>
        {newCodes ? (
          <>
            <p>Your new recovery codes (the old ones no longer work). They are shown only now.</p>
            <RecoveryCodes codes={newCodes} />
          </>
        ) : action === 'recovery-codes' ? (
          <CodeForm
            submitLabel="Make new recovery codes"
            onSubmit={async (code) => {
              const result = await postTwoFactor<{ recoveryCodes: string[] }>(api, 'recovery-codes', { code })
              if (!result.ok) return result.message
              setNewCodes(result.body.recoveryCodes)
              setAction(undefined)
            }}
          />
        ) : (
          <>
            <p>Used up or lost your recovery codes? Make new ones; the old ones stop working.</p>
            <Button buttonStyle="secondary" size="medium" onClick={() => setAction('recovery-codes')}>
              New recovery codes
            </Button>
          </>
        )}
      </section>
      <section className="two-factor__section">
        <h2>Turn off</h2>
        {required ? (
          <p>Admin accounts must keep two-factor authentication on.</p>
        ) : action === 'disable' ? (
          <CodeForm
            buttonStyle="error"
            submitLabel="Turn off two-factor authentication"
            onSubmit={async (code) => {
              const result = await postTwoFactor(api, 'disable', { code })
              if (!result.ok) return result.message
              toast.success('Two-factor authentication is off.')
              setAction(undefined)
              router.refresh()
            }}
          />
        ) : (
          <>
            <p>Signing in will then ask only for your password.</p>
            <Button buttonStyle="secondary" size="medium" onClick={() => setAction('disable')}>
              Turn off…
            </Button>
          </>
        )}
      </section>
    </>
  )
}
