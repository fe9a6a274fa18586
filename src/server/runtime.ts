// Boot: open the database, migrate, start the job queue, then serve HTTP and/or work jobs.
import { serve as serveHttp, type ServerType } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import type { Server } from 'node:http';
import { buildApp } from './app';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import type { Config } from './config';
import type { Deps } from './http/env';
import { settleUnreadBodies } from './http/unread-body';
import { Jobs } from './jobs/jobs';
import { allJobKinds } from './jobs/registry';
import { rescheduleAll } from './jobs/timers';
import { ensurePlaybook } from './modules/platform/playbook.service';

export function makeLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'valuegraph' } });
}

/** Opens everything a server or worker needs. Jobs are registered but not worked until `deps.jobs.work`. */
export async function openRuntime(config: Config, opts: { log?: Logger; database?: Database; migrate?: boolean } = {}): Promise<Deps> {
  const log = opts.log ?? makeLogger(config);
  const database = opts.database ?? await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  try {
    if (opts.migrate !== false) await migrate(database);
    const jobs = Jobs.create(database, log, config.databaseUrl);
    await jobs.start(allJobKinds());
    await ensurePlaybook(database.db);
    return { config, database, log, jobs };
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
}

export async function closeRuntime(deps: Deps): Promise<void> {
  await deps.jobs.stop();
  await deps.database.close();
}

/** Works the job queue; first queues timers written without a job (set-based loaders such as the demo). */
export async function startWorkers(deps: Deps): Promise<void> {
  await rescheduleAll(deps, { unqueued: true });
  await deps.jobs.work(deps);
}

export interface RunningServer { deps: Deps; server: ServerType; url: string; close(): Promise<void> }

export async function startServer(deps: Deps): Promise<RunningServer> {
  const app = buildApp(deps);
  const server = await new Promise<ServerType>((resolve, reject) => {
    // Unread request bodies are settled by settleUnreadBodies, not by the adapter's 500 ms drain that ends in a reset.
    const s = serveHttp({ fetch: app.fetch, port: deps.config.port, hostname: deps.config.host, autoCleanupIncoming: false }, () => resolve(s));
    settleUnreadBodies(s as Server);
    s.once('error', reject);
  });
  // Workers start once the port is open: requests are served while the job pollers register (jobs wait in the
  // database meanwhile, so nothing is missed).
  if (deps.config.workers) await startWorkers(deps);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : deps.config.port;
  const url = deps.config.publicUrl ?? `http://localhost:${port}`;
  return {
    deps, server, url,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await closeRuntime(deps);
    },
  };
}

/** Stops cleanly on SIGINT/SIGTERM so PGlite flushes and the lock file is released. */
export function onShutdown(close: () => Promise<void>, log: Logger) {
  let closing = false;
  const handler = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    close().then(() => process.exit(0), (err) => { log.error({ err }, 'shutdown failed'); process.exit(1); });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
