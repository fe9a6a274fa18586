#!/usr/bin/env node
// Runs the integration suites against PostgreSQL. TEST_DATABASE_URL points at a server where we may create and
// drop databases named vg_test_*; each test file gets its own database cloned from a migrated template.
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const r = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...process.argv.slice(2)], {
  stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(r.status ?? 1);
