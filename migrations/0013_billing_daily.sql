CREATE TABLE "billing_daily" (
	"day" date PRIMARY KEY NOT NULL,
	"billed" bigint DEFAULT 0 NOT NULL,
	"collected" bigint DEFAULT 0 NOT NULL,
	"credited" bigint DEFAULT 0 NOT NULL
);
