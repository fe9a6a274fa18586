// `valuegraph` — serve, worker, migrate, demo, users, backup, restore.
import { Command, Option } from 'commander';
import { ROLES } from '../core/access/roles';
import { loadConfig, ConfigError, type Config } from '../server/config';
import { openDatabase } from '../server/db/client';
import { DataDirLockedError } from '../server/db/lock';
import { migrate } from '../server/db/migrate';
import { backup, restore } from '../server/db/backup';
import { DEMO_PASSWORD, demoEmail, isEmpty, loadDemo } from '../server/demo/demo';
import { systemCtx } from '../server/http/env';
import { createUser } from '../server/modules/platform/users.service';
import { closeRuntime, makeLogger, onShutdown, openRuntime, startServer, startWorkers } from '../server/runtime';
import { VERSION } from '../server/version';

const program = new Command('valuegraph')
  .description('Valuegraph: the customer lifecycle of a B2B software vendor around one living business case.')
  .version(VERSION);

function config(overrides: Partial<Config> = {}): Config {
  return loadConfig(process.env, overrides);
}

program.command('serve').description('Serve the web app and API (and, on the embedded database, the job workers)')
  .option('-p, --port <port>', 'port (default: $PORT or 3000)')
  .action(async (o: { port?: string }) => {
    const started = performance.now();
    const cfg = config(o.port ? { port: Number(o.port) } : {});
    const log = makeLogger(cfg);
    const deps = await openRuntime(cfg, { log });
    let loaded = '';
    if (cfg.demo && await isEmpty(deps.database)) {
      const d = await loadDemo(deps.database);
      loaded = `Loaded demo data: ${d.accounts} accounts, ${d.contacts} contacts, ${d.activities} activities in ${(d.ms / 1000).toFixed(1)} s.`;
    }
    const running = await startServer(deps);
    onShutdown(running.close, log);
    const lines = [
      '', `Valuegraph ${VERSION} is ready at ${running.url}  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      `Database: ${deps.database.kind === 'pglite' ? `embedded (${cfg.dataDir})` : 'PostgreSQL'}; workers: ${cfg.workers ? 'in this process' : 'off'}`,
    ];
    if (loaded) lines.push(loaded);
    if (cfg.demo) {
      lines.push(`Demo logins (password "${DEMO_PASSWORD}"):`);
      lines.push(...ROLES.map((r) => `  ${r.padEnd(10)} ${demoEmail(r)}`));
    }
    lines.push(`API reference: ${running.url}/api/docs`, '');
    process.stdout.write(lines.join('\n') + '\n');
  });

program.command('worker').description('Run job workers and timers (PostgreSQL deployments; run as many as you like)')
  .action(async () => {
    const cfg = config();
    if (!cfg.databaseUrl) throw new ConfigError('`valuegraph worker` needs DATABASE_URL: with the embedded database the workers run inside `valuegraph serve`.');
    const log = makeLogger(cfg);
    const deps = await openRuntime(cfg, { log });
    await startWorkers(deps);
    log.info('worker started');
    onShutdown(() => closeRuntime(deps), log);
  });

program.command('migrate').description('Apply database migrations and exit')
  .action(async () => {
    const cfg = config();
    const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
    try { await migrate(database); } finally { await database.close(); }
    console.log('Migrations applied.');
  });

program.command('demo').description('Load the deterministic demo dataset into an empty database')
  .option('--seed <n>', 'random seed', '42')
  .option('--scale <n>', 'multiplies the 240 demo accounts (e.g. 417 ≈ 100k accounts)', '1')
  .option('--activities <n>', 'activities per account (about)', '8')
  .action(async (o: { seed: string; scale: string; activities: string }) => {
    const cfg = config();
    const deps = await openRuntime(cfg, { log: makeLogger({ logLevel: 'warn' }) });
    try {
      if (!(await isEmpty(deps.database))) throw new ConfigError('The database already has data; the demo loads into an empty one.');
      const d = await loadDemo(deps.database, { seed: Number(o.seed), accounts: 240 * Number(o.scale), activitiesPerAccount: Number(o.activities) });
      console.log(`Loaded ${d.accounts} accounts, ${d.contacts} contacts, ${d.activities} activities, ${d.users} users in ${(d.ms / 1000).toFixed(1)} s.`);
    } finally { await closeRuntime(deps); }
  });

const users = program.command('users').description('Manage users');
users.command('create').description('Create a user')
  .requiredOption('--email <email>').requiredOption('--name <name>')
  .addOption(new Option('--role <role>').choices([...ROLES]).makeOptionMandatory())
  .option('--password <password>', 'at least 12 characters (or set VALUEGRAPH_PASSWORD)')
  .option('--partner <id>', 'partner id (partner users)').option('--account <id>', 'account id (customer users)')
  .action(async (o: { email: string; name: string; role: (typeof ROLES)[number]; password?: string; partner?: string; account?: string }) => {
    const cfg = config();
    const deps = await openRuntime(cfg, { log: makeLogger({ logLevel: 'warn' }) });
    try {
      const password = o.password ?? process.env.VALUEGRAPH_PASSWORD ?? '';
      const u = await createUser(systemCtx(deps, 'cli'), { email: o.email, name: o.name, role: o.role, password, partnerId: o.partner, accountId: o.account });
      console.log(`Created ${u.role} ${u.email} (${u.id}).`);
    } finally { await closeRuntime(deps); }
  });

program.command('backup').description('Write a SQL backup that restores on PGlite or PostgreSQL')
  .argument('<file>', 'output .sql file')
  .action(async (file: string) => {
    const cfg = config();
    const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
    try {
      const counts = await backup(database, file, (t, n) => process.stderr.write(`  ${t.padEnd(20)} ${n} rows\n`));
      console.log(`Backup written to ${file} (${Object.values(counts).reduce((a, b) => a + b, 0)} rows).`);
    } finally { await database.close(); }
  });

program.command('restore').description('Restore a backup into an empty database (migrations are applied first)')
  .argument('<file>', 'a file written by `valuegraph backup`')
  .action(async (file: string) => {
    const cfg = config();
    const deps = await openRuntime(cfg, { log: makeLogger({ logLevel: 'warn' }) });
    try {
      await restore(deps.database, file);
      // Pending timers get fresh jobs: the job queue itself is not part of a backup.
      const { rescheduleAll } = await import('../server/jobs/timers');
      const n = await rescheduleAll(deps);
      console.log(`Restored ${file}; ${n} pending timer(s) rescheduled.`);
    } finally { await closeRuntime(deps); }
  });

(await import('./import')).registerImportCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof DataDirLockedError || err instanceof ConfigError) {
    process.stderr.write(`valuegraph: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`valuegraph: ${(err as Error)?.stack ?? err}\n`);
  process.exit(1);
});
