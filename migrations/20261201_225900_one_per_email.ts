import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "event_email_idx";
  DROP INDEX "event_email_1_idx";
  CREATE UNIQUE INDEX "registrations_one_per_email_idx" ON "registrations" USING btree ("event_id","email") WHERE "registrations"."status" not in ('expired', 'spam');
  CREATE UNIQUE INDEX "volunteer_applications_one_per_email_idx" ON "volunteer_applications" USING btree ("event_id","email") WHERE "volunteer_applications"."status" not in ('spam');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "registrations_one_per_email_idx";
  DROP INDEX "volunteer_applications_one_per_email_idx";
  CREATE UNIQUE INDEX "event_email_idx" ON "registrations" USING btree ("event_id","email");
  CREATE UNIQUE INDEX "event_email_1_idx" ON "volunteer_applications" USING btree ("event_id","email");`)
}
