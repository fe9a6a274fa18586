ALTER TABLE "lead_scores" ALTER COLUMN "score_explanation" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "lead_scores" ALTER COLUMN "score_explanation" SET DEFAULT '[]';