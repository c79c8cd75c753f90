/**
 * npm run two-factor:reset -- <email>: turns off two-factor authentication of one account, for
 * someone who lost both their phone and their recovery codes (or everyone, after PAYLOAD_SECRET
 * was rotated). Their sessions end; an admin in production sets it up again at the next sign-in.
 */
import { getPayload } from 'payload'

import { resetTwoFactor } from '@/twoFactor/resetTwoFactor'

import config from '../../payload.config'

async function main() {
  const email = process.argv[2]?.trim().toLowerCase()
  if (!email) throw new Error('Usage: npm run two-factor:reset -- <email>')
  const payload = await getPayload({ config })
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1 })
  if (!docs[0]) throw new Error(`No account with the email ${email}.`)
  await resetTwoFactor(payload, docs[0].id)
  payload.logger.info(`two-factor:reset: two-factor authentication is off for ${email}; their sessions ended`)
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
