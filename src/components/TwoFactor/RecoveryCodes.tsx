'use client'
import { CopyToClipboard } from '@payloadcms/ui'

/** The recovery codes in two columns, copyable at once. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="two-factor__recovery">
      <ul className="two-factor__recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="two-factor__recovery-copy">
        <CopyToClipboard value={codes.join('\n')} defaultMessage="Copy all codes" />
        <span>Copy all</span>
      </div>
    </div>
  )
}
