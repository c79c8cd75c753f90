import type { Payload } from 'payload'

import { assertPinnedVersion } from '@/lib/pinnedVersion'

import { isSessionComplete, type SessionUser } from './sessions'

/**
 * Makes Payload's JWT strategy ignore a session that still owes its second factor: for every
 * collection, endpoint, GraphQL query and admin page, the request is then simply not signed in.
 * Failing closed this way needs no rule in each access function. API keys are another strategy
 * and are not affected (scripts keep working). Called from onInit: `payload.authStrategies` is
 * built during init, with the JWT strategy named `local-jwt` last (docs/upgrading.md, entry 11).
 */
export function refusePendingSessions(payload: Payload): void {
  assertPinnedVersion('payload', '3.90.1', 'src/twoFactor/refusePendingSessions.ts')
  const index = payload.authStrategies.findIndex((strategy) => strategy.name === 'local-jwt')
  if (index === -1) throw new Error('refusePendingSessions: Payload has no local-jwt strategy to wrap (see docs/upgrading.md).')
  const jwt = payload.authStrategies[index]!
  payload.authStrategies[index] = {
    ...jwt,
    authenticate: async (args) => {
      const result = await jwt.authenticate(args)
      const user = result.user as SessionUser | null
      if (user?.collection === 'users' && !isSessionComplete(user)) return { ...result, user: null }
      return result
    },
  }
}
