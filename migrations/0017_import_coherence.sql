DROP INDEX "import_errors_job_idx";--> statement-breakpoint
ALTER TABLE "opportunities" ALTER COLUMN "amount" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "manager_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "import_errors" ADD COLUMN "level" text DEFAULT 'error' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "rows_warned" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "warnings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_errors_job_level_idx" ON "import_errors" USING btree ("job_id","level","line","id");