CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"partner_id" uuid,
	"arr" bigint NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"term_months" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"modules" text[] DEFAULT '{}'::text[] NOT NULL,
	"services_fee" bigint DEFAULT 0 NOT NULL,
	"poc_fee_credit" bigint DEFAULT 0 NOT NULL,
	"payment_schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kpis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'signed' NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pocs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"partner_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"scope" text,
	"sow_signed_at" date,
	"sow_signed_by" text,
	"start_date" date,
	"end_date" date,
	"success_criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"environment_checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"findings" text,
	"fee" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"fee_credited" boolean DEFAULT true NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "probability_manual" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "forecast_category_manual" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "stage_overdue_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pocs" ADD CONSTRAINT "pocs_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pocs" ADD CONSTRAINT "pocs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pocs" ADD CONSTRAINT "pocs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_opportunity_uq" ON "contracts" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "contracts_account_idx" ON "contracts" USING btree ("account_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "pocs_opportunity_uq" ON "pocs" USING btree ("opportunity_id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "pocs_account_idx" ON "pocs" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "opps_open_board_idx" ON "opportunities" USING btree ("stage","close_date","id","amount","probability") WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost');--> statement-breakpoint
CREATE INDEX "opps_open_owner_idx" ON "opportunities" USING btree ("owner_id","stage","close_date","id","amount","probability") WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost');--> statement-breakpoint
CREATE INDEX "opps_open_partner_idx" ON "opportunities" USING btree ("partner_id","stage","close_date","id","amount","probability") WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost');