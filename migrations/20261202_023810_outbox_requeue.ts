import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "email_outbox" ADD COLUMN "requeued_at" timestamp(3) with time zone;
  ALTER TABLE "email_outbox" ADD COLUMN "requeued_by_id" integer;
  ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_requeued_by_id_users_id_fk" FOREIGN KEY ("requeued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "email_outbox_requeued_by_idx" ON "email_outbox" USING btree ("requeued_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "email_outbox" DROP CONSTRAINT "email_outbox_requeued_by_id_users_id_fk";
  
  DROP INDEX "email_outbox_requeued_by_idx";
  ALTER TABLE "email_outbox" DROP COLUMN "requeued_at";
  ALTER TABLE "email_outbox" DROP COLUMN "requeued_by_id";`)
}
