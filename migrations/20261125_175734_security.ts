import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_security_events_kind" AS ENUM('captcha-failed', 'captcha-unavailable', 'honeypot', 'too-many-links', 'body-too-large', 'rate-limited');
  ALTER TYPE "public"."enum_registrations_status" ADD VALUE 'spam';
  ALTER TYPE "public"."enum_sponsor_applications_status" ADD VALUE 'spam';
  ALTER TYPE "public"."enum_exhibitor_applications_status" ADD VALUE 'spam';
  ALTER TYPE "public"."enum_volunteer_applications_status" ADD VALUE 'spam';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'purgeSecurityEvents' BEFORE 'createCollectionExport';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'purgeSecurityEvents' BEFORE 'createCollectionExport';
  CREATE TABLE "security_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_security_events_kind" NOT NULL,
  	"form" varchar,
  	"ip_hash" varchar,
  	"email_hash" varchar,
  	"detail" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "security_events_id" integer;
  CREATE INDEX "security_events_kind_idx" ON "security_events" USING btree ("kind");
  CREATE INDEX "security_events_form_idx" ON "security_events" USING btree ("form");
  CREATE INDEX "security_events_ip_hash_idx" ON "security_events" USING btree ("ip_hash");
  CREATE INDEX "security_events_email_hash_idx" ON "security_events" USING btree ("email_hash");
  CREATE INDEX "security_events_updated_at_idx" ON "security_events" USING btree ("updated_at");
  CREATE INDEX "security_events_created_at_idx" ON "security_events" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_security_events_fk" FOREIGN KEY ("security_events_id") REFERENCES "public"."security_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_security_events_id_idx" ON "payload_locked_documents_rels" USING btree ("security_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "security_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "security_events" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_security_events_fk";
  
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'submitted'::text;
  DROP TYPE "public"."enum_registrations_status";
  CREATE TYPE "public"."enum_registrations_status" AS ENUM('submitted', 'under-review', 'accepted', 'waitlisted', 'rejected', 'withdrawn');
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'submitted'::"public"."enum_registrations_status";
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE "public"."enum_registrations_status" USING "status"::"public"."enum_registrations_status";
  ALTER TABLE "sponsor_applications" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "sponsor_applications" ALTER COLUMN "status" SET DEFAULT 'submitted'::text;
  DROP TYPE "public"."enum_sponsor_applications_status";
  CREATE TYPE "public"."enum_sponsor_applications_status" AS ENUM('submitted', 'under-review', 'accepted', 'waitlisted', 'rejected', 'withdrawn');
  ALTER TABLE "sponsor_applications" ALTER COLUMN "status" SET DEFAULT 'submitted'::"public"."enum_sponsor_applications_status";
  ALTER TABLE "sponsor_applications" ALTER COLUMN "status" SET DATA TYPE "public"."enum_sponsor_applications_status" USING "status"::"public"."enum_sponsor_applications_status";
  ALTER TABLE "exhibitor_applications" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "exhibitor_applications" ALTER COLUMN "status" SET DEFAULT 'submitted'::text;
  DROP TYPE "public"."enum_exhibitor_applications_status";
  CREATE TYPE "public"."enum_exhibitor_applications_status" AS ENUM('submitted', 'under-review', 'accepted', 'waitlisted', 'rejected', 'withdrawn');
  ALTER TABLE "exhibitor_applications" ALTER COLUMN "status" SET DEFAULT 'submitted'::"public"."enum_exhibitor_applications_status";
  ALTER TABLE "exhibitor_applications" ALTER COLUMN "status" SET DATA TYPE "public"."enum_exhibitor_applications_status" USING "status"::"public"."enum_exhibitor_applications_status";
  ALTER TABLE "volunteer_applications" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "volunteer_applications" ALTER COLUMN "status" SET DEFAULT 'submitted'::text;
  DROP TYPE "public"."enum_volunteer_applications_status";
  CREATE TYPE "public"."enum_volunteer_applications_status" AS ENUM('submitted', 'under-review', 'accepted', 'waitlisted', 'rejected', 'withdrawn');
  ALTER TABLE "volunteer_applications" ALTER COLUMN "status" SET DEFAULT 'submitted'::"public"."enum_volunteer_applications_status";
  ALTER TABLE "volunteer_applications" ALTER COLUMN "status" SET DATA TYPE "public"."enum_volunteer_applications_status" USING "status"::"public"."enum_volunteer_applications_status";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_security_events_id_idx";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "security_events_id";
  DROP TYPE "public"."enum_security_events_kind";`)
}
