import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { ensureDefaultTemplates } from '@/email/ensureDefaultTemplates'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_email_templates_key" AS ENUM('registration-confirmation-request', 'registration-received', 'registration-confirmed', 'registration-waitlisted', 'already-registered', 'sponsor-application-received', 'exhibitor-application-received', 'volunteer-application-received', 'application-accepted', 'application-rejected', 'application-waitlisted', 'staff-new-submission');
  CREATE TYPE "public"."enum_email_outbox_template" AS ENUM('registration-confirmation-request', 'registration-received', 'registration-confirmed', 'registration-waitlisted', 'already-registered', 'sponsor-application-received', 'exhibitor-application-received', 'volunteer-application-received', 'application-accepted', 'application-rejected', 'application-waitlisted', 'staff-new-submission');
  CREATE TYPE "public"."enum_email_outbox_status" AS ENUM('queued', 'sending', 'sent', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendEmail' BEFORE 'purgeSecurityEvents';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expireUnconfirmedRegistrations' BEFORE 'purgeSecurityEvents';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendEmail' BEFORE 'purgeSecurityEvents';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expireUnconfirmedRegistrations' BEFORE 'purgeSecurityEvents';
  CREATE TABLE "email_templates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"key" "enum_email_templates_key" NOT NULL,
  	"event_id" integer,
  	"subject" varchar NOT NULL,
  	"body" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_outbox" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"to" varchar NOT NULL,
  	"template" "enum_email_outbox_template" NOT NULL,
  	"status" "enum_email_outbox_status" DEFAULT 'queued' NOT NULL,
  	"event_id" integer,
  	"subject" varchar,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"last_error" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"message_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_outbox_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"registrations_id" integer,
  	"sponsor_applications_id" integer,
  	"exhibitor_applications_id" integer,
  	"volunteer_applications_id" integer
  );
  
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'pending-confirmation'::text;
  UPDATE "registrations" SET "status" = CASE "status"
    WHEN 'waitlisted' THEN 'waitlisted' WHEN 'spam' THEN 'spam'
    WHEN 'rejected' THEN 'cancelled' WHEN 'withdrawn' THEN 'cancelled'
    ELSE 'confirmed' END;
  DROP TYPE "public"."enum_registrations_status";
  CREATE TYPE "public"."enum_registrations_status" AS ENUM('pending-confirmation', 'confirmed', 'waitlisted', 'cancelled', 'expired', 'spam');
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'pending-confirmation'::"public"."enum_registrations_status";
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE "public"."enum_registrations_status" USING "status"::"public"."enum_registrations_status";
  ALTER TABLE "events" ADD COLUMN "require_email_confirmation" boolean DEFAULT true;
  ALTER TABLE "_events_v" ADD COLUMN "version_require_email_confirmation" boolean DEFAULT true;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "email_templates_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "email_outbox_id" integer;
  ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_outbox_rels" ADD CONSTRAINT "email_outbox_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."email_outbox"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_outbox_rels" ADD CONSTRAINT "email_outbox_rels_registrations_fk" FOREIGN KEY ("registrations_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_outbox_rels" ADD CONSTRAINT "email_outbox_rels_sponsor_applications_fk" FOREIGN KEY ("sponsor_applications_id") REFERENCES "public"."sponsor_applications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_outbox_rels" ADD CONSTRAINT "email_outbox_rels_exhibitor_applications_fk" FOREIGN KEY ("exhibitor_applications_id") REFERENCES "public"."exhibitor_applications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_outbox_rels" ADD CONSTRAINT "email_outbox_rels_volunteer_applications_fk" FOREIGN KEY ("volunteer_applications_id") REFERENCES "public"."volunteer_applications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "email_templates_key_idx" ON "email_templates" USING btree ("key");
  CREATE INDEX "email_templates_event_idx" ON "email_templates" USING btree ("event_id");
  CREATE INDEX "email_templates_updated_at_idx" ON "email_templates" USING btree ("updated_at");
  CREATE INDEX "email_templates_created_at_idx" ON "email_templates" USING btree ("created_at");
  CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree ("to");
  CREATE INDEX "email_outbox_template_idx" ON "email_outbox" USING btree ("template");
  CREATE INDEX "email_outbox_status_idx" ON "email_outbox" USING btree ("status");
  CREATE INDEX "email_outbox_event_idx" ON "email_outbox" USING btree ("event_id");
  CREATE INDEX "email_outbox_updated_at_idx" ON "email_outbox" USING btree ("updated_at");
  CREATE INDEX "email_outbox_created_at_idx" ON "email_outbox" USING btree ("created_at");
  CREATE INDEX "email_outbox_rels_order_idx" ON "email_outbox_rels" USING btree ("order");
  CREATE INDEX "email_outbox_rels_parent_idx" ON "email_outbox_rels" USING btree ("parent_id");
  CREATE INDEX "email_outbox_rels_path_idx" ON "email_outbox_rels" USING btree ("path");
  CREATE INDEX "email_outbox_rels_registrations_id_idx" ON "email_outbox_rels" USING btree ("registrations_id");
  CREATE INDEX "email_outbox_rels_sponsor_applications_id_idx" ON "email_outbox_rels" USING btree ("sponsor_applications_id");
  CREATE INDEX "email_outbox_rels_exhibitor_applications_id_idx" ON "email_outbox_rels" USING btree ("exhibitor_applications_id");
  CREATE INDEX "email_outbox_rels_volunteer_applications_id_idx" ON "email_outbox_rels" USING btree ("volunteer_applications_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_templates_fk" FOREIGN KEY ("email_templates_id") REFERENCES "public"."email_templates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_outbox_fk" FOREIGN KEY ("email_outbox_id") REFERENCES "public"."email_outbox"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_email_templates_id_idx" ON "payload_locked_documents_rels" USING btree ("email_templates_id");
  CREATE INDEX "payload_locked_documents_rels_email_outbox_id_idx" ON "payload_locked_documents_rels" USING btree ("email_outbox_id");`)

  // A new installation sends sensible emails before an editor has touched anything. The keys this
  // schema knows; later keys are seeded by the migration that adds them.
  await ensureDefaultTemplates(payload, req, [
    'registration-confirmation-request',
    'registration-received',
    'registration-confirmed',
    'registration-waitlisted',
    'already-registered',
    'sponsor-application-received',
    'exhibitor-application-received',
    'volunteer-application-received',
    'application-accepted',
    'application-rejected',
    'application-waitlisted',
    'staff-new-submission',
  ])
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "email_templates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "email_outbox" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "email_outbox_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "email_templates" CASCADE;
  DROP TABLE "email_outbox" CASCADE;
  DROP TABLE "email_outbox_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_email_templates_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_email_outbox_fk";
  
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'submitted'::text;
  UPDATE "registrations" SET "status" = CASE "status"
    WHEN 'waitlisted' THEN 'waitlisted' WHEN 'spam' THEN 'spam'
    WHEN 'cancelled' THEN 'withdrawn' WHEN 'expired' THEN 'withdrawn'
    ELSE 'submitted' END;
  DROP TYPE "public"."enum_registrations_status";
  CREATE TYPE "public"."enum_registrations_status" AS ENUM('submitted', 'under-review', 'accepted', 'waitlisted', 'rejected', 'withdrawn', 'spam');
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DEFAULT 'submitted'::"public"."enum_registrations_status";
  ALTER TABLE "registrations" ALTER COLUMN "status" SET DATA TYPE "public"."enum_registrations_status" USING "status"::"public"."enum_registrations_status";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'purgeSecurityEvents', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'purgeSecurityEvents', 'createCollectionExport', 'createCollectionImport');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_email_templates_id_idx";
  DROP INDEX "payload_locked_documents_rels_email_outbox_id_idx";
  ALTER TABLE "events" DROP COLUMN "require_email_confirmation";
  ALTER TABLE "_events_v" DROP COLUMN "version_require_email_confirmation";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "email_templates_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "email_outbox_id";
  DROP TYPE "public"."enum_email_templates_key";
  DROP TYPE "public"."enum_email_outbox_template";
  DROP TYPE "public"."enum_email_outbox_status";`)
}
