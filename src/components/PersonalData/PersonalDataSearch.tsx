'use client'
import { Button, TextInput, toast, useConfig } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { type FormEvent, useState } from 'react'

type Found = {
  email: string
  counts: { submissions: Record<string, number>; emails: number; securityEvents: number; staffAccount: boolean }
  submissions: { collection: string; formName: string; id: number; status: string | null; event: string | null; createdAt: string }[]
}

type ErrorBody = { errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] }

const errorOf = (body: ErrorBody, status: number) =>
  body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? `The server answered ${status}.`

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/**
 * The admin's side of a data-subject request: look up an address, then download or erase what is
 * held. Erasing asks for the address once more, typed, because it cannot be undone.
 */
export function PersonalDataSearch() {
  const { config } = useConfig()
  const api = (path: `/${string}`) => formatAdminURL({ apiRoute: config.routes.api, path })
  const adminLink = (collection: string, id: number) => formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/${collection}/${id}` })
  const [email, setEmail] = useState('')
  const [found, setFound] = useState<Found>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<'find' | 'download' | 'erase'>()
  const [confirming, setConfirming] = useState(false)
  const [typed, setTyped] = useState('')

  const post = (path: `/${string}`, address: string) =>
    fetch(api(path), { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: address }) })

  const find = async (event?: FormEvent) => {
    event?.preventDefault()
    setBusy('find')
    setConfirming(false)
    setTyped('')
    try {
      const response = await post('/privacy/lookup', email)
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        setFound(undefined)
        setError(errorOf(body, response.status))
        return
      }
      setError(undefined)
      setFound(body as Found)
    } catch {
      setError('The server could not be reached.')
    } finally {
      setBusy(undefined)
    }
  }

  const download = async () => {
    if (!found) return
    setBusy('download')
    try {
      const response = await post('/privacy/export', found.email)
      if (!response.ok) {
        toast.error(errorOf(await response.json().catch(() => ({})), response.status))
        return
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'personal-data.json'
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await response.blob())
      link.download = name
      link.click()
      URL.revokeObjectURL(link.href)
      toast.success(`Downloaded ${name}.`)
    } catch {
      toast.error('The server could not be reached; nothing was downloaded.')
    } finally {
      setBusy(undefined)
    }
  }

  const erase = async (event: FormEvent) => {
    event.preventDefault()
    if (!found) return
    setBusy('erase')
    try {
      const response = await post('/privacy/erase', found.email)
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(errorOf(body, response.status))
        return
      }
      toast.success(body.message)
      setConfirming(false)
      setTyped('')
      const after = await post('/privacy/lookup', found.email)
      if (after.ok) setFound(await after.json())
    } catch {
      toast.error('The server could not be reached; nothing was erased.')
    } finally {
      setBusy(undefined)
    }
  }

  const total = found ? found.submissions.length + found.counts.emails + found.counts.securityEvents : 0

  return (
    <div className="personal-data__panel">
      <form className="personal-data__search" onSubmit={find} noValidate>
        <TextInput
          path="personalDataEmail"
          label="Email address"
          value={email}
          onChange={(event: { target: { value: string } }) => setEmail(event.target.value)}
          htmlAttributes={{ autoComplete: 'off' }}
          placeholder="ada@example.com"
          showError={Boolean(error)}
          Error={error ? <div className="personal-data__error" role="alert">{error}</div> : undefined}
        />
        <Button type="submit" buttonStyle="primary" size="medium" disabled={busy !== undefined || !email.trim()}>
          {busy === 'find' ? 'Looking…' : 'Find'}
        </Button>
      </form>

      {found && (
        <section className="personal-data__result" aria-live="polite">
          <h2>{found.email}</h2>
          {total === 0 ? (
            <p>Nothing is held about this address.</p>
          ) : (
            <>
              <p>
                {plural(found.submissions.length, 'submission')}, {plural(found.counts.emails, 'email')} sent or queued,{' '}
                {plural(found.counts.securityEvents, 'security event')}.
              </p>
              {found.submissions.length > 0 && (
                <div className="personal-data__table-wrap">
                  <table className="personal-data__table">
                    <thead>
                      <tr>
                        <th>Form</th>
                        <th>Event</th>
                        <th>Status</th>
                        <th>Sent</th>
                      </tr>
                    </thead>
                    <tbody>
                      {found.submissions.map((submission) => (
                        <tr key={`${submission.collection}-${submission.id}`}>
                          <td>
                            <a href={adminLink(submission.collection, submission.id)}>{submission.formName}</a>
                          </td>
                          <td>{submission.event ?? '—'}</td>
                          <td>{submission.status ?? "—"}</td>
                          <td>{new Date(submission.createdAt).toLocaleDateString()}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
          {found.counts.staffAccount && (
            <p className="personal-data__note">This address also belongs to a staff account, which erasing here keeps: an admin removes it under Users.</p>
          )}
          {total > 0 && (
            <div className="personal-data__actions">
              <Button buttonStyle="secondary" size="medium" onClick={download} disabled={busy !== undefined}>
                {busy === 'download' ? 'Preparing…' : 'Download their data'}
              </Button>
              {!confirming && (
                <Button buttonStyle="error" size="medium" onClick={() => setConfirming(true)} disabled={busy !== undefined}>
                  Erase…
                </Button>
              )}
            </div>
          )}
          {confirming && (
            <form className="personal-data__confirm" onSubmit={erase} noValidate>
              <p>
                <strong>This cannot be undone.</strong> It deletes {plural(found.submissions.length, 'submission')} (a
                registration&apos;s place goes to the waitlist), the emails and the security events of this address. The audit
                log keeps only a keyed hash of the address.
              </p>
              <TextInput
                path="personalDataConfirm"
                label="Type the email address to confirm"
                value={typed}
                onChange={(event: { target: { value: string } }) => setTyped(event.target.value)}
                htmlAttributes={{ autoComplete: 'off' }}
              />
              <div className="personal-data__actions">
                <Button type="submit" buttonStyle="error" size="medium" disabled={busy !== undefined || typed.trim().toLowerCase() !== found.email}>
                  {busy === 'erase' ? 'Erasing…' : 'Erase everything'}
                </Button>
                <Button buttonStyle="secondary" size="medium" onClick={() => setConfirming(false)} disabled={busy !== undefined}>
                  Cancel
                </Button>
              </div>
            </form>
          )}
        </section>
      )}
    </div>
  )
}
