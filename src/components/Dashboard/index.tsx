import type { ServerProps } from 'payload'

import { checkRole } from '@/access/checkRole'

import { EditorDashboard } from './EditorDashboard'
import { EventDashboard } from './EventDashboard'

/**
 * Above the collection cards of the admin home (`admin.components.beforeDashboard`, a server
 * component given `payload`, `user`, `searchParams`…): staff and admins get the chosen event's
 * figures, editors their own cards, anyone else nothing. `user` has field read access applied;
 * `roles` is readable by its owner, so the role check sees the same roles as the access rules.
 */
export async function Dashboard({ payload, user, searchParams }: ServerProps) {
  if (!user) return null
  if (checkRole(['admin', 'staff'], user)) {
    const requested = searchParams?.event
    return <EventDashboard payload={payload} user={user} requestedEvent={Array.isArray(requested) ? requested[0] : requested} />
  }
  if (checkRole(['editor'], user)) return <EditorDashboard payload={payload} user={user} />
  return null
}
