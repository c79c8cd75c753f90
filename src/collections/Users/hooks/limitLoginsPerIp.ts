import type { CollectionBeforeOperationHook } from 'payload'

import { enforceRateLimit } from '@/abuse/enforceRateLimit'
import { recordSecurityEvent } from '@/abuse/recordSecurityEvent'
import { clientIp } from '@/abuse/clientIp'

/** Login attempts per IP, on top of each account's own lockout: stops one client trying many accounts. */
export const limitLoginsPerIp: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const ip = clientIp(req.headers) ?? 'unknown'
  await enforceRateLimit(req, 'loginPerIp', ip, () =>
    recordSecurityEvent(req, { kind: 'rate-limited', form: 'login', detail: 'login per IP' }),
  )
  return args
}
