'use client'
import { Button, FieldLabel, useAuth, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'

/** On a user's page: whether two-factor authentication is on, and, on one's own account, the way to manage it. */
export function TwoFactorStatus() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const enabled = useFormFields(([fields]) => fields.twoFactorEnabled?.value)
  if (!id) return null
  const own = user?.id === id
  return (
    <div className="field-type two-factor-status">
      <FieldLabel label="Two-factor authentication" />
      <p className="two-factor-status__value">{enabled ? 'On' : 'Off'}</p>
      {own && (
        <Button el="link" url={`${config.routes.admin}/two-factor`} buttonStyle="secondary" size="small" margin={false}>
          {enabled ? 'Manage' : 'Set up'}
        </Button>
      )}
    </div>
  )
}
