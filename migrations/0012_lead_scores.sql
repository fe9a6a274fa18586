CREATE TABLE "lead_scores" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"fit_score" integer DEFAULT 0 NOT NULL,
	"engagement_score" integer DEFAULT 0 NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"priority" text NOT NULL,
	"score_explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scored_playbook_version" integer,
	"conversion_probability" real
);
--> statement-breakpoint
-- Existing scores move to the new table before the columns go (a lead never scored gets the cold band).
INSERT INTO "lead_scores" ("lead_id", "fit_score", "engagement_score", "score", "priority", "score_explanation", "scored_playbook_version", "conversion_probability")
SELECT "id", "fit_score", "engagement_score", "score", coalesce("priority", 'cold'), "score_explanation", "scored_playbook_version", "conversion_probability" FROM "leads";--> statement-breakpoint
DROP INDEX "leads_priority_inbox_idx";--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "fit_score";--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "engagement_score";--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "score";--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "priority";--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "score_explanation";--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "scored_playbook_version";--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "conversion_probability";