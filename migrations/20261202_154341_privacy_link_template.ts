import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { ensureDefaultTemplates } from '@/email/ensureDefaultTemplates'

// Apart from 20261202_154340_privacy_link: PostgreSQL cannot use an enum value in the transaction
// that added it, and each migration runs in its own.
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await ensureDefaultTemplates(payload, req, ['privacy-link'])
}

export async function down({ payload, req }: MigrateDownArgs): Promise<void> {
  await payload.delete({ collection: 'email-templates', where: { key: { equals: 'privacy-link' } }, overrideAccess: true, req })
}
