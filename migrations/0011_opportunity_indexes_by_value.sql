DROP INDEX "opps_external_idx";--> statement-breakpoint
DROP INDEX "opps_owner_idx";--> statement-breakpoint
DROP INDEX "opps_partner_idx";--> statement-breakpoint
DROP INDEX "opps_open_owner_idx";--> statement-breakpoint
DROP INDEX "opps_open_partner_idx";--> statement-breakpoint
CREATE INDEX "opps_open_owner_partner_idx" ON "opportunities" USING btree ("owner_id","partner_id","stage","close_date","id","amount","probability") WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost') AND owner_id IS NOT NULL AND partner_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opps_owner_idx" ON "opportunities" USING btree ("owner_id","stage","close_date") WHERE deleted_at IS NULL AND owner_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opps_partner_idx" ON "opportunities" USING btree ("partner_id","stage") WHERE deleted_at IS NULL AND partner_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opps_open_owner_idx" ON "opportunities" USING btree ("owner_id","stage","close_date","id","amount","probability") WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost') AND owner_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opps_open_partner_idx" ON "opportunities" USING btree ("partner_id","stage","close_date","id","amount","probability") WHERE deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost') AND partner_id IS NOT NULL;