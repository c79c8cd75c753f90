import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'anonymiseExpiredSubmissions' BEFORE 'createCollectionExport';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'anonymiseExpiredSubmissions' BEFORE 'createCollectionExport';
  ALTER TABLE "events" ADD COLUMN "retain_personal_data_until" timestamp(3) with time zone;
  ALTER TABLE "events" ADD COLUMN "personal_data_anonymised_at" timestamp(3) with time zone;
  ALTER TABLE "_events_v" ADD COLUMN "version_retain_personal_data_until" timestamp(3) with time zone;
  ALTER TABLE "_events_v" ADD COLUMN "version_personal_data_anonymised_at" timestamp(3) with time zone;`)
  // Events saved before the setting existed get its default (fillRetentionDate): the end + 180 days.
  await db.execute(sql`
   UPDATE "events" SET "retain_personal_data_until" = "ends_at" + interval '180 days' WHERE "ends_at" IS NOT NULL;
  UPDATE "_events_v" SET "version_retain_personal_data_until" = "version_ends_at" + interval '180 days' WHERE "version_ends_at" IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'offerWaitlistPlaces', 'expireUnconfirmedRegistrations', 'expireWaitlistOffers', 'purgeSecurityEvents', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'offerWaitlistPlaces', 'expireUnconfirmedRegistrations', 'expireWaitlistOffers', 'purgeSecurityEvents', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  ALTER TABLE "events" DROP COLUMN "retain_personal_data_until";
  ALTER TABLE "events" DROP COLUMN "personal_data_anonymised_at";
  ALTER TABLE "_events_v" DROP COLUMN "version_retain_personal_data_until";
  ALTER TABLE "_events_v" DROP COLUMN "version_personal_data_anonymised_at";`)
}
