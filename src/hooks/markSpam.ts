import type { CollectionBeforeChangeHook } from 'payload'

/** A submission caught by the honeypot is kept for review with status `spam` (and never emailed). */
export const markSpam: CollectionBeforeChangeHook = ({ data, operation, req }) =>
  operation === 'create' && req.context.spam ? { ...data, status: 'spam' } : data
