ALTER TABLE "activities" ADD COLUMN "audience" text DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "roles_audience" text DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_activities" ADD COLUMN "audience" text DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_artifacts" ADD COLUMN "audience" text DEFAULT 'internal' NOT NULL;--> statement-breakpoint
-- Rows that outsiders saw before audiences existed and should keep seeing: a partner user's own entries and runs,
-- and the accepted weekly value updates of the customer portal with their timeline entries. Everything else is internal.
UPDATE "activities" SET "audience" = 'partner' WHERE "actor_id" IN (SELECT "id" FROM "users" WHERE "role" = 'partner');--> statement-breakpoint
UPDATE "lead_activities" SET "audience" = 'partner' WHERE "actor_id" IN (SELECT "id" FROM "users" WHERE "role" = 'partner');--> statement-breakpoint
UPDATE "agent_artifacts" SET "audience" = 'partner' WHERE "created_by" IN (SELECT "id" FROM "users" WHERE "role" = 'partner');--> statement-breakpoint
UPDATE "agent_artifacts" SET "audience" = 'customer' WHERE "entity_type" = 'value_realization' AND "status" = 'accepted';--> statement-breakpoint
UPDATE "activities" SET "audience" = 'customer' WHERE "entity_type" = 'agent_artifact' AND "entity_id" IN (SELECT "id"::text FROM "agent_artifacts" WHERE "entity_type" = 'value_realization' AND "status" = 'accepted');
