import { JWTAuthentication, type Payload, type PayloadRequest } from 'payload'

import type { User } from '@/payload-types'

import { secondFactorNeeded } from './requirement'

/** A signed-in user as Payload's JWT strategy loads it, with the id of the session the token names. */
export type SessionUser = User & { _sid?: string; collection?: string }

export type SignedInSession = {
  user: SessionUser
  sid: string
  /** What the account needs (see secondFactorNeeded); `complete` says whether this session has done it. */
  needs: ReturnType<typeof secondFactorNeeded>
  complete: boolean
}

const completedSessions = (user: { twoFactorSessions?: unknown }): string[] =>
  Array.isArray(user.twoFactorSessions) ? user.twoFactorSessions.filter((sid) => typeof sid === 'string') : []

/** True when the session `user._sid` may be used: no second factor needed, or it was given in this session. */
export const isSessionComplete = (user: SessionUser): boolean =>
  secondFactorNeeded(user) === 'nothing' || (Boolean(user._sid) && completedSessions(user).includes(user._sid!))

/**
 * The session the request's token (Authorization header or cookie) names, complete or not: Payload's
 * own JWT check, which refusePendingSessions wraps for every other use. Only the two-factor
 * endpoints and the admin's two-factor screen read a pending session, to finish it.
 */
export async function readSession(payload: Payload, headers: Headers): Promise<SignedInSession | null> {
  const { user } = await JWTAuthentication({ headers, payload, isGraphQL: false, strategyName: 'local-jwt' })
  const sessionUser = user as SessionUser | null
  if (!sessionUser || sessionUser.collection !== 'users' || typeof sessionUser._sid !== 'string') return null
  return {
    user: sessionUser,
    sid: sessionUser._sid,
    needs: secondFactorNeeded(sessionUser),
    complete: isSessionComplete(sessionUser),
  }
}

/** The stored row, hidden fields (secret, recovery code hashes) included: for the two-factor code only. */
export async function readTwoFactorRow(req: PayloadRequest, id: number) {
  const row = await req.payload.db.findOne<User>({ collection: 'users', where: { id: { equals: id } }, req })
  if (!row) throw new Error(`user ${id} vanished`)
  return row
}

/**
 * Records that session `sid` gave its second factor. Sessions that ended (expired, logged out) are
 * dropped from the list at the same time, so it never outgrows the account's live sessions.
 */
export async function markSessionComplete(req: PayloadRequest, id: number, sid: string): Promise<void> {
  const row = await readTwoFactorRow(req, id)
  const live = new Set((row.sessions ?? []).map((session) => session.id))
  const twoFactorSessions = [...completedSessions(row).filter((kept) => kept !== sid && live.has(kept)), sid]
  await updateTwoFactorRow(req, id, { twoFactorSessions })
}

/** Writes two-factor columns only, under the request's transaction, without touching `updatedAt`. */
export async function updateTwoFactorRow(req: PayloadRequest, id: number, data: Partial<User>): Promise<void> {
  // updatedAt null: the adapter leaves it as it is (as Payload does when it adds a session).
  await req.payload.db.updateOne({ collection: 'users', id, data: { ...data, updatedAt: null }, req, returning: false })
}
