/**
 * What hooks of one request share through `req.context`, typed (Payload's RequestContext). Each
 * key names who sets it; a hook that reads one does not rely on running after the hook that sets it
 * unless the key says so.
 */
import type { SubmissionEvent } from '@/fields/eventField'

declare module 'payload' {
  interface RequestContext {
    /** Set before any data hook (beforeOperation) by the anti-abuse guard: the honeypot caught this public submission. */
    spam?: boolean
    /** Set by whoever creates or updates through the Local API (seeds, tests, jobs): queue no emails. */
    skipEmails?: boolean
    /**
     * Set by writes of the app's own defaults (the email templates that migrations seed, some before
     * the audit log's table exists): no audit-log entry (src/plugins/auditLog.ts).
     */
    skipAudit?: boolean
    /** The events this request's submissions and sessions name, read once (src/fields/eventField.ts). */
    submissionEvents?: Map<number, Promise<SubmissionEvent | null>>
    /**
     * Set by enforceStatusWorkflow (beforeChange, with the row locked) for each submission whose
     * status this request saves: the status it had, keyed `<slug>:<id>`. What a save changed is
     * read from here, not from `previousDoc`, which may predate a concurrent save.
     */
    statusBeforeSave?: Map<string, string>
    /**
     * Set by the users' login (beforeOperation, before any check) and the two-factor verify endpoint:
     * a refusal of this request is a failed sign-in, audited by src/audit/recordFailedLogin.ts. The
     * email as typed (lower-cased), or the account when the session already names it.
     */
    loginAttempt?: { email?: string; user?: number }
    /**
     * Set by src/plugins/auditLog.ts (beforeChange) for each account whose password this request
     * saves, keyed `<slug>:<id>`: Payload drops the password from `data` before afterChange.
     */
    passwordSaved?: Set<string>
  }
}
