import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_registrations_participant_categories" AS ENUM('student', 'startup-founder', 'entrepreneur', 'developer', 'designer', 'product-manager', 'data-professional', 'investor', 'corporate-professional', 'academic', 'government-ngo', 'job-seeker', 'other');
  CREATE TYPE "public"."enum_registrations_interest_areas" AS ENUM('fintech', 'agritech', 'healthtech', 'edtech', 'ai-ml', 'software-development', 'product-design', 'data-science', 'cybersecurity', 'blockchain', 'hardware-iot', 'e-commerce', 'creative-economy', 'clean-energy', 'startup-funding', 'career-growth');
  CREATE TYPE "public"."enum_registrations_gender" AS ENUM('female', 'male', 'prefer-not-to-say');
  CREATE TYPE "public"."enum_registrations_status" AS ENUM('submitted', 'under-review', 'accepted', 'waitlisted', 'rejected', 'withdrawn');
  CREATE TYPE "public"."enum_sponsor_applications_interests" AS ENUM('brand-visibility', 'talent-recruitment', 'product-launch', 'speaking-slot', 'exhibition-booth', 'startup-support', 'community-impact', 'networking');
  CREATE TYPE "public"."enum_sponsor_applications_org_type" AS ENUM('startup', 'sme', 'corporate', 'financial-institution', 'investor', 'ngo-foundation', 'government', 'academic', 'media', 'other');
  CREATE TYPE "public"."enum_sponsor_applications_sponsor_tier" AS ENUM('headline', 'platinum', 'gold', 'silver', 'bronze', 'in-kind');
  CREATE TYPE "public"."enum_sponsor_applications_sponsor_budget" AS ENUM('under-500k', '500k-1m', '1m-5m', '5m-10m', 'over-10m');
  CREATE TYPE "public"."enum_sponsor_applications_status" AS ENUM('submitted', 'under-review', 'accepted', 'waitlisted', 'rejected', 'withdrawn');
  CREATE TYPE "public"."enum_exhibitor_applications_industry_category" AS ENUM('fintech', 'agritech', 'healthtech', 'edtech', 'software-it', 'hardware-electronics', 'e-commerce-retail', 'creative-media', 'energy', 'logistics', 'food-agro-processing', 'fashion-crafts', 'other');
  CREATE TYPE "public"."enum_exhibitor_applications_exhibition_package" AS ENUM('startup-table', 'standard-booth', 'premium-booth');
  CREATE TYPE "public"."enum_exhibitor_applications_status" AS ENUM('submitted', 'under-review', 'accepted', 'waitlisted', 'rejected', 'withdrawn');
  CREATE TYPE "public"."enum_volunteer_applications_age_range" AS ENUM('under-18', '18-24', '25-34', '35-44', '45-plus');
  CREATE TYPE "public"."enum_volunteer_applications_volunteer_area" AS ENUM('registration', 'logistics', 'technical', 'media', 'social-media', 'speaker-liaison', 'hospitality');
  CREATE TYPE "public"."enum_volunteer_applications_available_on_event_date" AS ENUM('yes', 'no', 'maybe');
  CREATE TYPE "public"."enum_volunteer_applications_briefing_available" AS ENUM('yes', 'no', 'maybe');
  CREATE TYPE "public"."enum_volunteer_applications_status" AS ENUM('submitted', 'under-review', 'accepted', 'waitlisted', 'rejected', 'withdrawn');
  CREATE TYPE "public"."enum_exports_format" AS ENUM('csv', 'json');
  CREATE TYPE "public"."enum_exports_sort_order" AS ENUM('asc', 'desc');
  CREATE TYPE "public"."enum_exports_drafts" AS ENUM('yes', 'no');
  CREATE TYPE "public"."enum_imports_import_mode" AS ENUM('create', 'update', 'upsert');
  CREATE TYPE "public"."enum_imports_status" AS ENUM('pending', 'completed', 'partial', 'failed');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'createCollectionExport', 'createCollectionImport');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'createCollectionExport', 'createCollectionImport');
  CREATE TABLE "registrations_participant_categories" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_registrations_participant_categories",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "registrations_interest_areas" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_registrations_interest_areas",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "registrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" integer NOT NULL,
  	"first_name" varchar NOT NULL,
  	"last_name" varchar NOT NULL,
  	"name" varchar,
  	"email" varchar NOT NULL,
  	"phone" varchar NOT NULL,
  	"gender" "enum_registrations_gender",
  	"city" varchar NOT NULL,
  	"organization_name" varchar,
  	"role" varchar,
  	"years_experience" numeric,
  	"hear_about" varchar,
  	"special_requests" varchar,
  	"accessibility_needs" varchar,
  	"full_attendance" boolean DEFAULT false,
  	"pitch_startup" boolean DEFAULT false,
  	"post_event_mentorship" boolean DEFAULT false,
  	"join_community" boolean DEFAULT false,
  	"agree_updates" boolean DEFAULT false,
  	"physical_event_ack" boolean DEFAULT false NOT NULL,
  	"status" "enum_registrations_status" DEFAULT 'submitted' NOT NULL,
  	"assigned_to_id" integer,
  	"score" numeric,
  	"reviewer_notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sponsor_applications_interests" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_sponsor_applications_interests",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "sponsor_applications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" integer NOT NULL,
  	"org_name" varchar NOT NULL,
  	"org_type" "enum_sponsor_applications_org_type" NOT NULL,
  	"website" varchar,
  	"office_address" varchar,
  	"contact_person_name" varchar NOT NULL,
  	"job_title" varchar,
  	"contact_email" varchar NOT NULL,
  	"contact_phone" varchar NOT NULL,
  	"sponsor_tier" "enum_sponsor_applications_sponsor_tier" NOT NULL,
  	"sponsor_budget" "enum_sponsor_applications_sponsor_budget",
  	"outcomes" varchar,
  	"confirmed" boolean DEFAULT false,
  	"status" "enum_sponsor_applications_status" DEFAULT 'submitted' NOT NULL,
  	"assigned_to_id" integer,
  	"score" numeric,
  	"reviewer_notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "exhibitor_applications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" integer NOT NULL,
  	"business_name" varchar NOT NULL,
  	"industry_category" "enum_exhibitor_applications_industry_category" NOT NULL,
  	"business_description" varchar NOT NULL,
  	"contact_person_name" varchar NOT NULL,
  	"contact_email" varchar NOT NULL,
  	"contact_phone" varchar NOT NULL,
  	"exhibition_package" "enum_exhibitor_applications_exhibition_package" NOT NULL,
  	"power_internet_required" boolean DEFAULT false,
  	"compliance_declaration" boolean DEFAULT false NOT NULL,
  	"terms_agreement" boolean DEFAULT false NOT NULL,
  	"status" "enum_exhibitor_applications_status" DEFAULT 'submitted' NOT NULL,
  	"assigned_to_id" integer,
  	"score" numeric,
  	"reviewer_notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "volunteer_applications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" integer NOT NULL,
  	"full_name" varchar NOT NULL,
  	"age_range" "enum_volunteer_applications_age_range" NOT NULL,
  	"email" varchar NOT NULL,
  	"phone" varchar NOT NULL,
  	"location" varchar NOT NULL,
  	"volunteer_area" "enum_volunteer_applications_volunteer_area" NOT NULL,
  	"skills" varchar,
  	"available_on_event_date" "enum_volunteer_applications_available_on_event_date" NOT NULL,
  	"briefing_available" "enum_volunteer_applications_briefing_available" NOT NULL,
  	"motivation" varchar,
  	"terms" boolean DEFAULT false NOT NULL,
  	"status" "enum_volunteer_applications_status" DEFAULT 'submitted' NOT NULL,
  	"assigned_to_id" integer,
  	"score" numeric,
  	"reviewer_notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "exports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"format" "enum_exports_format" DEFAULT 'csv' NOT NULL,
  	"limit" numeric,
  	"page" numeric DEFAULT 1,
  	"sort" varchar,
  	"sort_order" "enum_exports_sort_order",
  	"drafts" "enum_exports_drafts" DEFAULT 'yes',
  	"collection_slug" varchar DEFAULT 'registrations' NOT NULL,
  	"where" jsonb DEFAULT '{}'::jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "exports_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "imports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"collection_slug" varchar NOT NULL,
  	"import_mode" "enum_imports_import_mode",
  	"match_field" varchar DEFAULT 'id',
  	"status" "enum_imports_status" DEFAULT 'pending',
  	"summary_imported" numeric,
  	"summary_updated" numeric,
  	"summary_total" numeric,
  	"summary_issues" numeric,
  	"summary_issue_details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "registrations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsor_applications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "exhibitor_applications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "volunteer_applications_id" integer;
  ALTER TABLE "registrations_participant_categories" ADD CONSTRAINT "registrations_participant_categories_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "registrations_interest_areas" ADD CONSTRAINT "registrations_interest_areas_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_applications_interests" ADD CONSTRAINT "sponsor_applications_interests_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sponsor_applications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sponsor_applications" ADD CONSTRAINT "sponsor_applications_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsor_applications" ADD CONSTRAINT "sponsor_applications_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "exhibitor_applications" ADD CONSTRAINT "exhibitor_applications_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "exhibitor_applications" ADD CONSTRAINT "exhibitor_applications_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "volunteer_applications" ADD CONSTRAINT "volunteer_applications_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "volunteer_applications" ADD CONSTRAINT "volunteer_applications_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "exports_texts" ADD CONSTRAINT "exports_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."exports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "registrations_participant_categories_order_idx" ON "registrations_participant_categories" USING btree ("order");
  CREATE INDEX "registrations_participant_categories_parent_idx" ON "registrations_participant_categories" USING btree ("parent_id");
  CREATE INDEX "registrations_interest_areas_order_idx" ON "registrations_interest_areas" USING btree ("order");
  CREATE INDEX "registrations_interest_areas_parent_idx" ON "registrations_interest_areas" USING btree ("parent_id");
  CREATE INDEX "registrations_event_idx" ON "registrations" USING btree ("event_id");
  CREATE INDEX "registrations_email_idx" ON "registrations" USING btree ("email");
  CREATE INDEX "registrations_status_idx" ON "registrations" USING btree ("status");
  CREATE INDEX "registrations_assigned_to_idx" ON "registrations" USING btree ("assigned_to_id");
  CREATE INDEX "registrations_updated_at_idx" ON "registrations" USING btree ("updated_at");
  CREATE INDEX "registrations_created_at_idx" ON "registrations" USING btree ("created_at");
  CREATE UNIQUE INDEX "event_email_idx" ON "registrations" USING btree ("event_id","email");
  CREATE INDEX "sponsor_applications_interests_order_idx" ON "sponsor_applications_interests" USING btree ("order");
  CREATE INDEX "sponsor_applications_interests_parent_idx" ON "sponsor_applications_interests" USING btree ("parent_id");
  CREATE INDEX "sponsor_applications_event_idx" ON "sponsor_applications" USING btree ("event_id");
  CREATE INDEX "sponsor_applications_contact_email_idx" ON "sponsor_applications" USING btree ("contact_email");
  CREATE INDEX "sponsor_applications_sponsor_tier_idx" ON "sponsor_applications" USING btree ("sponsor_tier");
  CREATE INDEX "sponsor_applications_status_idx" ON "sponsor_applications" USING btree ("status");
  CREATE INDEX "sponsor_applications_assigned_to_idx" ON "sponsor_applications" USING btree ("assigned_to_id");
  CREATE INDEX "sponsor_applications_updated_at_idx" ON "sponsor_applications" USING btree ("updated_at");
  CREATE INDEX "sponsor_applications_created_at_idx" ON "sponsor_applications" USING btree ("created_at");
  CREATE INDEX "exhibitor_applications_event_idx" ON "exhibitor_applications" USING btree ("event_id");
  CREATE INDEX "exhibitor_applications_contact_email_idx" ON "exhibitor_applications" USING btree ("contact_email");
  CREATE INDEX "exhibitor_applications_exhibition_package_idx" ON "exhibitor_applications" USING btree ("exhibition_package");
  CREATE INDEX "exhibitor_applications_status_idx" ON "exhibitor_applications" USING btree ("status");
  CREATE INDEX "exhibitor_applications_assigned_to_idx" ON "exhibitor_applications" USING btree ("assigned_to_id");
  CREATE INDEX "exhibitor_applications_updated_at_idx" ON "exhibitor_applications" USING btree ("updated_at");
  CREATE INDEX "exhibitor_applications_created_at_idx" ON "exhibitor_applications" USING btree ("created_at");
  CREATE INDEX "volunteer_applications_event_idx" ON "volunteer_applications" USING btree ("event_id");
  CREATE INDEX "volunteer_applications_email_idx" ON "volunteer_applications" USING btree ("email");
  CREATE INDEX "volunteer_applications_volunteer_area_idx" ON "volunteer_applications" USING btree ("volunteer_area");
  CREATE INDEX "volunteer_applications_status_idx" ON "volunteer_applications" USING btree ("status");
  CREATE INDEX "volunteer_applications_assigned_to_idx" ON "volunteer_applications" USING btree ("assigned_to_id");
  CREATE INDEX "volunteer_applications_updated_at_idx" ON "volunteer_applications" USING btree ("updated_at");
  CREATE INDEX "volunteer_applications_created_at_idx" ON "volunteer_applications" USING btree ("created_at");
  CREATE UNIQUE INDEX "event_email_1_idx" ON "volunteer_applications" USING btree ("event_id","email");
  CREATE INDEX "exports_updated_at_idx" ON "exports" USING btree ("updated_at");
  CREATE INDEX "exports_created_at_idx" ON "exports" USING btree ("created_at");
  CREATE UNIQUE INDEX "exports_filename_idx" ON "exports" USING btree ("filename");
  CREATE INDEX "exports_texts_order_parent" ON "exports_texts" USING btree ("order","parent_id");
  CREATE INDEX "imports_updated_at_idx" ON "imports" USING btree ("updated_at");
  CREATE INDEX "imports_created_at_idx" ON "imports" USING btree ("created_at");
  CREATE UNIQUE INDEX "imports_filename_idx" ON "imports" USING btree ("filename");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_registrations_fk" FOREIGN KEY ("registrations_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsor_applications_fk" FOREIGN KEY ("sponsor_applications_id") REFERENCES "public"."sponsor_applications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_exhibitor_applications_fk" FOREIGN KEY ("exhibitor_applications_id") REFERENCES "public"."exhibitor_applications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_volunteer_applications_fk" FOREIGN KEY ("volunteer_applications_id") REFERENCES "public"."volunteer_applications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_registrations_id_idx" ON "payload_locked_documents_rels" USING btree ("registrations_id");
  CREATE INDEX "payload_locked_documents_rels_sponsor_applications_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsor_applications_id");
  CREATE INDEX "payload_locked_documents_rels_exhibitor_applications_id_idx" ON "payload_locked_documents_rels" USING btree ("exhibitor_applications_id");
  CREATE INDEX "payload_locked_documents_rels_volunteer_applications_id_idx" ON "payload_locked_documents_rels" USING btree ("volunteer_applications_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "registrations_participant_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "registrations_interest_areas" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "registrations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsor_applications_interests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sponsor_applications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "exhibitor_applications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "volunteer_applications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "exports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "exports_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "imports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "registrations_participant_categories" CASCADE;
  DROP TABLE "registrations_interest_areas" CASCADE;
  DROP TABLE "registrations" CASCADE;
  DROP TABLE "sponsor_applications_interests" CASCADE;
  DROP TABLE "sponsor_applications" CASCADE;
  DROP TABLE "exhibitor_applications" CASCADE;
  DROP TABLE "volunteer_applications" CASCADE;
  DROP TABLE "exports" CASCADE;
  DROP TABLE "exports_texts" CASCADE;
  DROP TABLE "imports" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_registrations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsor_applications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_exhibitor_applications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_volunteer_applications_fk";
  
  DROP INDEX "payload_locked_documents_rels_registrations_id_idx";
  DROP INDEX "payload_locked_documents_rels_sponsor_applications_id_idx";
  DROP INDEX "payload_locked_documents_rels_exhibitor_applications_id_idx";
  DROP INDEX "payload_locked_documents_rels_volunteer_applications_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "registrations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsor_applications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "exhibitor_applications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "volunteer_applications_id";
  DROP TYPE "public"."enum_registrations_participant_categories";
  DROP TYPE "public"."enum_registrations_interest_areas";
  DROP TYPE "public"."enum_registrations_gender";
  DROP TYPE "public"."enum_registrations_status";
  DROP TYPE "public"."enum_sponsor_applications_interests";
  DROP TYPE "public"."enum_sponsor_applications_org_type";
  DROP TYPE "public"."enum_sponsor_applications_sponsor_tier";
  DROP TYPE "public"."enum_sponsor_applications_sponsor_budget";
  DROP TYPE "public"."enum_sponsor_applications_status";
  DROP TYPE "public"."enum_exhibitor_applications_industry_category";
  DROP TYPE "public"."enum_exhibitor_applications_exhibition_package";
  DROP TYPE "public"."enum_exhibitor_applications_status";
  DROP TYPE "public"."enum_volunteer_applications_age_range";
  DROP TYPE "public"."enum_volunteer_applications_volunteer_area";
  DROP TYPE "public"."enum_volunteer_applications_available_on_event_date";
  DROP TYPE "public"."enum_volunteer_applications_briefing_available";
  DROP TYPE "public"."enum_volunteer_applications_status";
  DROP TYPE "public"."enum_exports_format";
  DROP TYPE "public"."enum_exports_sort_order";
  DROP TYPE "public"."enum_exports_drafts";
  DROP TYPE "public"."enum_imports_import_mode";
  DROP TYPE "public"."enum_imports_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
