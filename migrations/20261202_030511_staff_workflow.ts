import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_registrations_status" ADD VALUE 'offered' BEFORE 'cancelled';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'registration-offered' BEFORE 'already-registered';
  ALTER TYPE "public"."enum_email_outbox_template" ADD VALUE 'registration-offered' BEFORE 'already-registered';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'offerWaitlistPlaces' BEFORE 'expireUnconfirmedRegistrations';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expireWaitlistOffers' BEFORE 'purgeSecurityEvents';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'offerWaitlistPlaces' BEFORE 'expireUnconfirmedRegistrations';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expireWaitlistOffers' BEFORE 'purgeSecurityEvents';
  ALTER TABLE "registrations" ADD COLUMN "waitlisted_at" timestamp(3) with time zone;
  ALTER TABLE "registrations" ADD COLUMN "offer_expires_at" timestamp(3) with time zone;
  ALTER TABLE "sponsor_applications" ADD COLUMN "decided_at" timestamp(3) with time zone;
  ALTER TABLE "sponsor_applications" ADD COLUMN "decided_by_id" integer;
  ALTER TABLE "exhibitor_applications" ADD COLUMN "decided_at" timestamp(3) with time zone;
  ALTER TABLE "exhibitor_applications" ADD COLUMN "decided_by_id" integer;
  ALTER TABLE "volunteer_applications" ADD COLUMN "decided_at" timestamp(3) with time zone;
  ALTER TABLE "volunteer_applications" ADD COLUMN "decided_by_id" integer;
  ALTER TABLE "sponsor_applications" ADD CONSTRAINT "sponsor_applications_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "exhibitor_applications" ADD CONSTRAINT "exhibitor_applications_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "volunteer_applications" ADD CONSTRAINT "volunteer_applications_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "registrations_waitlisted_at_idx" ON "registrations" USING btree ("waitlisted_at");
  CREATE INDEX "sponsor_applications_decided_by_idx" ON "sponsor_applications" USING btree ("decided_by_id");
  CREATE INDEX "exhibitor_applications_decided_by_idx" ON "exhibitor_applications" USING btree ("decided_by_id");
  CREATE INDEX "volunteer_applications_decided_by_idx" ON "volunteer_applications" USING btree ("decided_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Values the older types cannot hold: an open offer goes back to the waitlist.
  await db.execute(sql`
  UPDATE "registrations" SET "status" = 'waitlisted' WHERE "status" = 'offered';
  DELETE FROM "email_outbox" WHERE "template" = 'registration-offered';
  DELETE FROM "email_templates" WHERE "key" = 'registration-offered';
  DELETE FROM "payload_jobs" WHERE "task_slug" IN ('offerWaitlistPlaces', 'expireWaitlistOffers');
  DELETE FROM "payload_jobs_log" WHERE "task_slug" IN ('offerWaitlistPlaces', 'expireWaitlistOffers');`)
  await db.execute(sql`
   ALTER TABLE "sponsor_applications" DROP CONSTRAINT "sponsor_applications_decided_by_id_users_id_fk";
  
  ALTER TABLE "exhibitor_applications" DROP CONSTRAINT "exhibitor_applications_decided_by_id_users_id_fk";
  
  ALTER TABLE "volunteer_applications" DROP CONSTRAINT "volunteer_applications_decided_by_id_users_id_fk";
  
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'pending-confirmation'::text;
  DROP TYPE "public"."enum_registrations_status";
  CREATE TYPE "public"."enum_registrations_status" AS ENUM('pending-confirmation', 'confirmed', 'waitlisted', 'cancelled', 'expired', 'spam');
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'pending-confirmation'::"public"."enum_registrations_status";
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE "public"."enum_registrations_status" USING "status"::"public"."enum_registrations_status";
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_templates_key";
  CREATE TYPE "public"."enum_email_templates_key" AS ENUM('registration-confirmation-request', 'registration-received', 'registration-confirmed', 'registration-waitlisted', 'already-registered', 'sponsor-application-received', 'exhibitor-application-received', 'volunteer-application-received', 'application-accepted', 'application-rejected', 'application-waitlisted', 'staff-new-submission');
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE "public"."enum_email_templates_key" USING "key"::"public"."enum_email_templates_key";
  ALTER TABLE "email_outbox" ALTER COLUMN "template" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_outbox_template";
  CREATE TYPE "public"."enum_email_outbox_template" AS ENUM('registration-confirmation-request', 'registration-received', 'registration-confirmed', 'registration-waitlisted', 'already-registered', 'sponsor-application-received', 'exhibitor-application-received', 'volunteer-application-received', 'application-accepted', 'application-rejected', 'application-waitlisted', 'staff-new-submission');
  ALTER TABLE "email_outbox" ALTER COLUMN "template" SET DATA TYPE "public"."enum_email_outbox_template" USING "template"::"public"."enum_email_outbox_template";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'expireUnconfirmedRegistrations', 'purgeSecurityEvents', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'expireUnconfirmedRegistrations', 'purgeSecurityEvents', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "registrations_waitlisted_at_idx";
  DROP INDEX "sponsor_applications_decided_by_idx";
  DROP INDEX "exhibitor_applications_decided_by_idx";
  DROP INDEX "volunteer_applications_decided_by_idx";
  ALTER TABLE "registrations" DROP COLUMN "waitlisted_at";
  ALTER TABLE "registrations" DROP COLUMN "offer_expires_at";
  ALTER TABLE "sponsor_applications" DROP COLUMN "decided_at";
  ALTER TABLE "sponsor_applications" DROP COLUMN "decided_by_id";
  ALTER TABLE "exhibitor_applications" DROP COLUMN "decided_at";
  ALTER TABLE "exhibitor_applications" DROP COLUMN "decided_by_id";
  ALTER TABLE "volunteer_applications" DROP COLUMN "decided_at";
  ALTER TABLE "volunteer_applications" DROP COLUMN "decided_by_id";`)
}
