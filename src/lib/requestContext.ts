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
    /** The events this request's submissions name, read once (src/fields/eventField.ts). */
    submissionEvents?: Map<number, Promise<SubmissionEvent | null>>
    /**
     * Set by enforceStatusWorkflow (beforeChange, with the row locked) for each submission whose
     * status this request saves: the status it had, keyed `<slug>:<id>`. What a save changed is
     * read from here, not from `previousDoc`, which may predate a concurrent save.
     */
    statusBeforeSave?: Map<string, string>
  }
}
