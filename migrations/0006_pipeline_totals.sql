CREATE TABLE "pipeline_totals" (
	"dim" text NOT NULL,
	"key" uuid NOT NULL,
	"stage" text NOT NULL,
	"close_date" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"weighted_raw" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "pipeline_totals_dim_key_stage_close_date_pk" PRIMARY KEY("dim","key","stage","close_date")
);
