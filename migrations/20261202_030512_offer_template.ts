import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { ensureDefaultTemplates } from '@/email/ensureDefaultTemplates'

// Apart from 20261202_030511_staff_workflow: PostgreSQL cannot use an enum value in the
// transaction that added it, and each migration runs in its own.
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await ensureDefaultTemplates(payload, req, ['registration-offered'])
}

export async function down({ payload, req }: MigrateDownArgs): Promise<void> {
  await payload.delete({ collection: 'email-templates', where: { key: { equals: 'registration-offered' } }, overrideAccess: true, req })
}
