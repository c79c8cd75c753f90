'use client'
import { Button, TextInput } from '@payloadcms/ui'
import { type FormEvent, useState } from 'react'

/**
 * One code and a button, as a native form (Enter submits). `kind` picks the field: the 6-digit
 * code of the authenticator app, or a recovery code. The error is the server's message.
 */
export function CodeForm({
  kind = 'code',
  label,
  submitLabel,
  buttonStyle = 'primary',
  onSubmit,
}: {
  kind?: 'code' | 'recoveryCode'
  label?: string
  submitLabel: string
  buttonStyle?: 'primary' | 'secondary' | 'error'
  onSubmit: (value: string) => Promise<string | undefined>
}) {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    const failure = await onSubmit(value.trim())
    setBusy(false)
    setError(failure)
    if (failure) setValue('')
  }
  const path = kind === 'code' ? 'twoFactorCode' : 'twoFactorRecoveryCode'
  return (
    <form className="two-factor__form" onSubmit={submit} noValidate>
      <TextInput
        path={path}
        label={label ?? (kind === 'code' ? 'Code from your authenticator app' : 'Recovery code')}
        value={value}
        onChange={(event: { target: { value: string } }) => setValue(event.target.value)}
        required
        htmlAttributes={{ autoComplete: kind === 'code' ? 'one-time-code' : 'off' }}
        placeholder={kind === 'code' ? '123456' : 'abcde-fghjk'}
        showError={Boolean(error)}
        Error={error ? <div className="two-factor__error" role="alert">{error}</div> : undefined}
      />
      <Button type="submit" buttonStyle={buttonStyle} size="medium" disabled={busy || !value.trim()}>
        {busy ? 'Checking…' : submitLabel}
      </Button>
    </form>
  )
}
