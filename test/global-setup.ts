// Builds one migrated database once per run (PGlite rule 4: a fresh PGlite costs seconds, loading a dump ~0.3 s);
// each test file then starts from a copy: a loaded PGlite dump, or a PostgreSQL database cloned from a template.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { closeRuntime, makeLogger, openRuntime } from '../src/server/runtime';

// Every run names its databases `vg_test_<run>_…` and drops only its own, so two runs on one server (CI beside a
// developer's run) never pull a database from under each other. <run> starts with the start time (base 36 seconds), so
// the databases of an interrupted run are dropped by a later one once they are six hours old.
const RUN = `${Math.floor(Date.now() / 1000).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
export const PG_TEMPLATE = `vg_test_${RUN}_tpl`;
const STALE_SECONDS = 6 * 3600;

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const config = loadConfig({ NODE_ENV: 'test', ...(url ? { DATABASE_URL: templateUrl(url) } : {}) });
  const log = makeLogger({ logLevel: 'silent' });
  if (url) {
    await dropTestDatabases(url, { stale: true });
    await dropTestDatabases(url, { recreateTemplate: true });
    const deps = await openRuntime(config, { log });
    await closeRuntime(deps);
    project.provide('dbTemplate', PG_TEMPLATE);
    // The per-file databases go when the run ends, so the server is left as the run found it.
    return () => dropTestDatabases(url);
  }
  const database = await openDatabase({ memory: true });
  const deps = await openRuntime(config, { log, database });
  await deps.jobs.stop();
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = await mkdtemp(join(tmpdir(), 'vg-template-'));
  const file = join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbTemplate', file);
  return () => rm(dir, { recursive: true, force: true });
}

export function templateUrl(url: string, db = PG_TEMPLATE): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext { dbTemplate: string }
}

/** Drops this run's template and per-file databases (optionally a new, empty template), or with `stale` those of runs
 * started more than six hours ago. */
async function dropTestDatabases(url: string, opts: { recreateTemplate?: boolean; stale?: boolean } = {}) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'vg\\_test\\_%'");
    const now = Date.now() / 1000;
    const mine = (name: string) => name.startsWith(`vg_test_${RUN}_`);
    const stale = (name: string) => {
      const started = parseInt(name.split('_')[2]?.slice(0, -3) ?? '', 36);
      return !mine(name) && (!Number.isFinite(started) || now - started > STALE_SECONDS);
    };
    for (const r of rows) if (opts.stale ? stale(r.datname) : mine(r.datname)) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    if (opts.recreateTemplate) await admin.query(`CREATE DATABASE "${PG_TEMPLATE}"`);
  } finally {
    await admin.end();
  }
}
