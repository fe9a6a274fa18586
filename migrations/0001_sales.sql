CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"first_name" text,
	"last_name" text,
	"email" text,
	"phone" text,
	"title" text,
	"company_name" text,
	"domain" text,
	"country" text,
	"region" text,
	"industry" text,
	"employees" integer,
	"tech_stack" text[] DEFAULT '{}'::text[] NOT NULL,
	"monitoring_tools" text[] DEFAULT '{}'::text[] NOT NULL,
	"servers" integer,
	"cloud_resources" integer,
	"network_devices" integer,
	"compliance_frameworks" text[] DEFAULT '{}'::text[] NOT NULL,
	"recent_initiatives" text[] DEFAULT '{}'::text[] NOT NULL,
	"has_cmdb" boolean,
	"cmdb_accuracy_percent" integer,
	"bant" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"engagement" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fit_score" integer DEFAULT 0 NOT NULL,
	"engagement_score" integer DEFAULT 0 NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"priority" text,
	"score_explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scored_playbook_version" integer,
	"conversion_probability" real,
	"owner_id" uuid,
	"assigned_at" timestamp with time zone,
	"assignment_explanation" jsonb,
	"first_response_due_at" timestamp with time zone,
	"first_responded_at" timestamp with time zone,
	"qualification_due_at" timestamp with time zone,
	"qualified_at" timestamp with time zone,
	"sla_breached_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"disqualification_reason" text,
	"converted_at" timestamp with time zone,
	"converted_account_id" uuid,
	"converted_contact_id" uuid,
	"converted_opportunity_id" uuid,
	"merged_into_id" uuid,
	"partner_id" uuid,
	"referred_by_account_id" uuid,
	"campaign" text,
	"form_id" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"stage" text DEFAULT 'discovery' NOT NULL,
	"pipeline" text DEFAULT 'default' NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"close_date" date,
	"probability" integer DEFAULT 0 NOT NULL,
	"forecast_category" text DEFAULT 'pipeline' NOT NULL,
	"owner_id" uuid,
	"partner_id" uuid,
	"lead_id" uuid,
	"source" text,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"gate_checks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"loss_reason" text,
	"loss_notes" text,
	"closed_at" timestamp with time zone,
	"external_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"override_reason" text,
	"missing_criteria" jsonb
);
--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_account_id_accounts_id_fk" FOREIGN KEY ("converted_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_contact_id_contacts_id_fk" FOREIGN KEY ("converted_contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_referred_by_account_id_accounts_id_fk" FOREIGN KEY ("referred_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "opportunity_stage_history_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "opportunity_stage_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leads_inbox_idx" ON "leads" USING btree ("status","first_response_due_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "leads_owner_inbox_idx" ON "leads" USING btree ("owner_id","status","first_response_due_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "leads_email_idx" ON "leads" USING btree (lower("email")) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "leads_domain_idx" ON "leads" USING btree (lower("domain")) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "leads_partner_idx" ON "leads" USING btree ("partner_id","created_at") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "leads_score_idx" ON "leads" USING btree ("score","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("created_at","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "leads_source_idx" ON "leads" USING btree ("source","created_at") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "opps_board_idx" ON "opportunities" USING btree ("stage","close_date","id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "opps_owner_idx" ON "opportunities" USING btree ("owner_id","stage","close_date") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "opps_account_idx" ON "opportunities" USING btree ("account_id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "opps_partner_idx" ON "opportunities" USING btree ("partner_id","stage") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "opps_close_idx" ON "opportunities" USING btree ("close_date","stage") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "opps_external_idx" ON "opportunities" USING btree ("external_id") WHERE external_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opp_history_opp_idx" ON "opportunity_stage_history" USING btree ("opportunity_id","at");