import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_security_events_kind" ADD VALUE 'upload-infected';
  CREATE TABLE "sponsor_decks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"application_id" integer NOT NULL,
  	"prefix" varchar DEFAULT 'sponsor-decks',
  	"_objectkey" varchar,
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
  
  ALTER TABLE "media" ADD COLUMN "prefix" varchar DEFAULT 'media';
  ALTER TABLE "media" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsor_decks_id" integer;
  ALTER TABLE "sponsor_decks" ADD CONSTRAINT "sponsor_decks_application_id_sponsor_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."sponsor_applications"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "sponsor_decks_application_idx" ON "sponsor_decks" USING btree ("application_id");
  CREATE INDEX "sponsor_decks_updated_at_idx" ON "sponsor_decks" USING btree ("updated_at");
  CREATE INDEX "sponsor_decks_created_at_idx" ON "sponsor_decks" USING btree ("created_at");
  CREATE UNIQUE INDEX "sponsor_decks_filename_idx" ON "sponsor_decks" USING btree ("filename");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsor_decks_fk" FOREIGN KEY ("sponsor_decks_id") REFERENCES "public"."sponsor_decks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_sponsor_decks_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsor_decks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sponsor_decks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sponsor_decks" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsor_decks_fk";
  
  ALTER TABLE "security_events" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_security_events_kind";
  CREATE TYPE "public"."enum_security_events_kind" AS ENUM('captcha-failed', 'captcha-unavailable', 'honeypot', 'too-many-links', 'body-too-large', 'rate-limited', 'two-factor-failed');
  ALTER TABLE "security_events" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_security_events_kind" USING "kind"::"public"."enum_security_events_kind";
  DROP INDEX "payload_locked_documents_rels_sponsor_decks_id_idx";
  ALTER TABLE "media" DROP COLUMN "prefix";
  ALTER TABLE "media" DROP COLUMN "_objectkey";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsor_decks_id";`)
}
