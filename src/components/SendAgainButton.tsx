'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useState } from 'react'

import { checkRole } from '@/access/checkRole'
import type { User } from '@/payload-types'

type ErrorBody = { errors?: { message?: string }[] }

/**
 * Beside an outbox email that ended `failed`, for staff and admins: queues it again through
 * POST /api/email-outbox/:id/requeue, then shows the row as the server now has it. Hidden for
 * every other status.
 */
export function SendAgainButton() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth<User>()
  const { config } = useConfig()
  const status = useFormFields(([fields]) => fields.status?.value)
  const { reset } = useForm()
  const [sending, setSending] = useState(false)
  if (status !== 'failed' || !checkRole(['admin', 'staff'], user)) return null

  const url = (suffix: string) => formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}${suffix}` })
  const sendAgain = async () => {
    setSending(true)
    try {
      const response = await fetch(url('/requeue'), { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as ErrorBody & { message?: string; doc?: unknown }
      if (response.ok) {
        await reset(body.doc)
        toast.success(body.message ?? 'The email is queued to be sent again.')
        return
      }
      toast.error(body.errors?.[0]?.message ?? `The email could not be queued again (HTTP ${response.status}).`)
      // Someone else re-queued it first: show where it stands now.
      if (response.status === 409) {
        const current = await fetch(url('?depth=0'), { credentials: 'include' })
        if (current.ok) await reset(await current.json())
      }
    } catch {
      toast.error('The server could not be reached; the email was not queued again.')
    } finally {
      setSending(false)
    }
  }

  return (
    <Button buttonStyle="primary" size="medium" disabled={sending} onClick={sendAgain}>
      {sending ? 'Sending again…' : 'Send again'}
    </Button>
  )
}
