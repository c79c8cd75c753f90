import type { CollectionBeforeOperationHook } from 'payload'

import { teamMember } from '@/access/teamMember'

/**
 * The public's `?draft=true` (REST or GraphQL) reads as a plain read. Access already keeps drafts
 * from the public, but in draft mode Payload lists each document's latest version, which for a
 * published document with unpublished changes is the draft: access then hides it, and the
 * published document vanished from the list.
 */
export const readPublishedForPublic: CollectionBeforeOperationHook = ({ args, operation, req }) =>
  operation === 'read' && args.draft && !args.overrideAccess && !teamMember({ req }) ? { ...args, draft: false } : args
