/**
 * The Payload CLI commands this project uses, with the config imported statically:
 *
 *   tsx src/scripts/payloadCli.ts migrate:create <name> | generate:types | generate:importmap
 *
 * Not the `payload` bin: it imports the config dynamically through tsx, and on Node 20 that
 * import now and then never settles, so the command exits (0 or 13) having done nothing.
 */
import { generateImportMap, getPayload } from 'payload'
import { generateTypes } from 'payload/node'

import { writePublicFormPaths } from '@/submissions/publicFormPaths'

import config from '../../payload.config'

const [command, name] = process.argv.slice(2)
const sanitized = await config

switch (command) {
  case 'migrate:create': {
    const payload = await getPayload({ config: sanitized })
    await payload.db.createMigration({ migrationName: name, payload, skipEmpty: false })
    await payload.destroy()
    break
  }
  case 'generate:types':
    await generateTypes(sanitized)
    // The production server's list of public form paths (src/server.mjs), from the same forms.
    await writePublicFormPaths()
    break
  case 'generate:importmap':
    await generateImportMap(sanitized)
    break
  default:
    console.error('usage: tsx src/scripts/payloadCli.ts migrate:create <name> | generate:types | generate:importmap')
    process.exit(2)
}
process.exit(0)
