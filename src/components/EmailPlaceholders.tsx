'use client'
import { useFormFields } from '@payloadcms/ui'

import { EMAIL_TEMPLATES, type EmailTemplateKey, PLACEHOLDERS } from '@/email/templateKeys'

/** Beside a template: when it is sent and the placeholders it may use, following the chosen key. */
export function EmailPlaceholders() {
  const key = useFormFields(([fields]) => fields.key?.value) as EmailTemplateKey | undefined
  const spec = key ? EMAIL_TEMPLATES[key] : undefined
  if (!spec) return <p className="field-description">Choose which email this is to see the placeholders it offers.</p>
  const required: readonly string[] = 'required' in spec ? spec.required : []
  return (
    <div className="field-type email-placeholders">
      <p>
        <strong>Sent when:</strong> {spec.sentWhen}
      </p>
      <p>Placeholders (type them with the double braces; anything else is refused on save):</p>
      <table>
        <tbody>
          {spec.placeholders.map((name) => (
            <tr key={name}>
              <td>
                <code>{`{{${name}}}`}</code>
              </td>
              <td>
                {PLACEHOLDERS[name].description}
                {required.includes(name) ? ' (required)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
