import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'privacy-link';
  ALTER TYPE "public"."enum_email_outbox_template" ADD VALUE 'privacy-link';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendPrivacyLink' BEFORE 'offerWaitlistPlaces';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendPrivacyLink' BEFORE 'offerWaitlistPlaces';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_templates_key";
  CREATE TYPE "public"."enum_email_templates_key" AS ENUM('registration-confirmation-request', 'registration-received', 'registration-confirmed', 'registration-waitlisted', 'registration-offered', 'already-registered', 'sponsor-application-received', 'exhibitor-application-received', 'volunteer-application-received', 'application-accepted', 'application-rejected', 'application-waitlisted', 'staff-new-submission');
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE "public"."enum_email_templates_key" USING "key"::"public"."enum_email_templates_key";
  ALTER TABLE "email_outbox" ALTER COLUMN "template" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_outbox_template";
  CREATE TYPE "public"."enum_email_outbox_template" AS ENUM('registration-confirmation-request', 'registration-received', 'registration-confirmed', 'registration-waitlisted', 'registration-offered', 'already-registered', 'sponsor-application-received', 'exhibitor-application-received', 'volunteer-application-received', 'application-accepted', 'application-rejected', 'application-waitlisted', 'staff-new-submission');
  ALTER TABLE "email_outbox" ALTER COLUMN "template" SET DATA TYPE "public"."enum_email_outbox_template" USING "template"::"public"."enum_email_outbox_template";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'offerWaitlistPlaces', 'expireUnconfirmedRegistrations', 'expireWaitlistOffers', 'purgeSecurityEvents', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'offerWaitlistPlaces', 'expireUnconfirmedRegistrations', 'expireWaitlistOffers', 'purgeSecurityEvents', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";`)
}
