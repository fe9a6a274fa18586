CREATE TABLE "lead_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text,
	"inbound" boolean,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_form_submissions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"form_id" uuid NOT NULL,
	"ip_hash" text NOT NULL,
	"outcome" text NOT NULL,
	"lead_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"campaign" text,
	"owner_rule" text DEFAULT 'auto' NOT NULL,
	"default_owner_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"min_fill_seconds" integer DEFAULT 3 NOT NULL,
	"rate_limit_per_hour" integer DEFAULT 10 NOT NULL,
	"success_message" text,
	"secret" text DEFAULT md5(gen_random_uuid()::text || clock_timestamp()::text) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lead_models" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sample_size" integer NOT NULL,
	"positives" integer NOT NULL,
	"train_size" integer DEFAULT 0 NOT NULL,
	"validation_size" integer DEFAULT 0 NOT NULL,
	"auc" real,
	"min_examples" integer NOT NULL,
	"model" jsonb,
	"top_weights" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"playbook_version" integer,
	"trained_by" uuid
);
--> statement-breakpoint
CREATE TABLE "sales_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"territories" text[] DEFAULT '{}'::text[] NOT NULL,
	"verticals" text[] DEFAULT '{}'::text[] NOT NULL,
	"size_tier" text,
	"capacity" integer DEFAULT 40 NOT NULL,
	"out_of_office_until" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "leads_inbox_idx";--> statement-breakpoint
DROP INDEX "leads_owner_inbox_idx";--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "first_response_target_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "possible_duplicates" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_activities" ADD CONSTRAINT "lead_activities_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_activities" ADD CONSTRAINT "lead_activities_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_form_submissions" ADD CONSTRAINT "lead_form_submissions_form_id_lead_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."lead_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_forms" ADD CONSTRAINT "lead_forms_default_owner_id_users_id_fk" FOREIGN KEY ("default_owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_profiles" ADD CONSTRAINT "sales_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_activities_lead_idx" ON "lead_activities" USING btree ("lead_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "lead_form_submissions_ip_idx" ON "lead_form_submissions" USING btree ("ip_hash","created_at");--> statement-breakpoint
CREATE INDEX "lead_form_submissions_form_idx" ON "lead_form_submissions" USING btree ("form_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_owner_status_idx" ON "leads" USING btree ("owner_id","status") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "leads_inbox_idx" ON "leads" USING btree ("sla_due_at","id") WHERE deleted_at IS NULL AND sla_due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "leads_owner_inbox_idx" ON "leads" USING btree ("owner_id","sla_due_at","id") WHERE deleted_at IS NULL AND sla_due_at IS NOT NULL;