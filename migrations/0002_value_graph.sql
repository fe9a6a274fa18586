CREATE TABLE "agent_artifacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent" text NOT NULL,
	"value_graph_id" uuid,
	"account_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"inputs" jsonb NOT NULL,
	"outputs" jsonb NOT NULL,
	"narrative" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"playbook_version" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"rejected_by" uuid,
	"rejected_at" timestamp with time zone,
	"rejection_reason" text
);
--> statement-breakpoint
CREATE TABLE "value_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"value_graph_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"hypothesis_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"kpis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"success_criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"artifact_id" uuid,
	"created_by" uuid,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "value_graphs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "value_hypotheses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"value_graph_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"model" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"annual_benefit" bigint DEFAULT 0 NOT NULL,
	"total_benefits" bigint DEFAULT 0 NOT NULL,
	"total_costs" bigint DEFAULT 0 NOT NULL,
	"npv" bigint DEFAULT 0 NOT NULL,
	"roi_percent" real,
	"payback_months" real,
	"currency" text DEFAULT 'USD' NOT NULL,
	"artifact_id" uuid,
	"created_by" uuid,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agent_artifacts" ADD CONSTRAINT "agent_artifacts_value_graph_id_value_graphs_id_fk" FOREIGN KEY ("value_graph_id") REFERENCES "public"."value_graphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_artifacts" ADD CONSTRAINT "agent_artifacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_artifacts" ADD CONSTRAINT "agent_artifacts_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_artifacts" ADD CONSTRAINT "agent_artifacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_artifacts" ADD CONSTRAINT "agent_artifacts_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_artifacts" ADD CONSTRAINT "agent_artifacts_rejected_by_users_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_commitments" ADD CONSTRAINT "value_commitments_value_graph_id_value_graphs_id_fk" FOREIGN KEY ("value_graph_id") REFERENCES "public"."value_graphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_commitments" ADD CONSTRAINT "value_commitments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_commitments" ADD CONSTRAINT "value_commitments_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_commitments" ADD CONSTRAINT "value_commitments_hypothesis_id_value_hypotheses_id_fk" FOREIGN KEY ("hypothesis_id") REFERENCES "public"."value_hypotheses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_commitments" ADD CONSTRAINT "value_commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_commitments" ADD CONSTRAINT "value_commitments_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_graphs" ADD CONSTRAINT "value_graphs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_hypotheses" ADD CONSTRAINT "value_hypotheses_value_graph_id_value_graphs_id_fk" FOREIGN KEY ("value_graph_id") REFERENCES "public"."value_graphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_hypotheses" ADD CONSTRAINT "value_hypotheses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_hypotheses" ADD CONSTRAINT "value_hypotheses_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_hypotheses" ADD CONSTRAINT "value_hypotheses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_hypotheses" ADD CONSTRAINT "value_hypotheses_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_artifacts_opp_idx" ON "agent_artifacts" USING btree ("opportunity_id","created_at","id");--> statement-breakpoint
CREATE INDEX "agent_artifacts_entity_idx" ON "agent_artifacts" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "agent_artifacts_account_idx" ON "agent_artifacts" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "value_commitments_opp_uq" ON "value_commitments" USING btree ("opportunity_id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "value_commitments_graph_idx" ON "value_commitments" USING btree ("value_graph_id");--> statement-breakpoint
CREATE UNIQUE INDEX "value_graphs_account_uq" ON "value_graphs" USING btree ("account_id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "value_hypotheses_opp_uq" ON "value_hypotheses" USING btree ("opportunity_id") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "value_hypotheses_graph_idx" ON "value_hypotheses" USING btree ("value_graph_id");