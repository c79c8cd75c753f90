import type { Endpoint } from 'payload'

import { cancelTwoFactorSignIn } from './cancelTwoFactorSignIn'
import { disableTwoFactor } from './disableTwoFactor'
import { enableTwoFactor } from './enableTwoFactor'
import { regenerateRecoveryCodes } from './regenerateRecoveryCodes'
import { startTwoFactorSetup } from './startTwoFactorSetup'
import { verifyTwoFactor } from './verifyTwoFactor'

/** The users collection's two-factor endpoints, under /api/users/two-factor/ (docs/api.md). */
export const twoFactorEndpoints: Endpoint[] = [
  startTwoFactorSetup,
  enableTwoFactor,
  verifyTwoFactor,
  regenerateRecoveryCodes,
  disableTwoFactor,
  cancelTwoFactorSignIn,
]
