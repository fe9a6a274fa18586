#!/usr/bin/env bash
# Generates the next SQL migration from the drizzle schema. Serialised with a lock so that several people (or
# agents) working in one checkout never write the migration journal at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/gen-migration.sh <name>}"
exec 9>/tmp/valuegraph-migrations.lock
flock 9
npx drizzle-kit generate --name "$name"
