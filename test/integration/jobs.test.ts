// Durable timers and the outbox: a timer survives a restart and fires once; events commit with their change.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { systemCtx } from '../../src/server/http/env';
import { createAccount, updateAccount } from '../../src/server/modules/accounts/accounts.service';
import { setReminder } from '../../src/server/modules/accounts/timeline.service';
import { closeRuntime, makeLogger, openRuntime, startWorkers } from '../../src/server/runtime';
import { backend, createTestApp, eventually, freshDatabase } from '../helpers';

const log = makeLogger({ logLevel: 'silent' });
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => { for (const c of cleanup) await c().catch(() => {}); });

async function reminders(deps: Awaited<ReturnType<typeof openRuntime>>, accountId: string) {
  return deps.database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM activities WHERE account_id = $1 AND subject LIKE 'Reminder:%'", [accountId]);
}

describe('timers', () => {
  it('a timer set 5 s ahead fires exactly once after the server restarted in between', async () => {
    let config;
    if (backend === 'postgres') {
      const { database, url } = await freshDatabase();
      await database.close();
      config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url });
    } else {
      config = loadConfig({ NODE_ENV: 'test', VALUEGRAPH_DATA_DIR: await mkdtemp(join(tmpdir(), 'vg-timer-')) });
    }
    let deps = await openRuntime(config, { log });
    await deps.jobs.work(deps);
    const account = await createAccount(systemCtx(deps), { name: 'Timer Test AS' });
    const due = new Date(Date.now() + 5000);
    await setReminder(systemCtx(deps), account.id, { at: due.toISOString(), note: 'call the CIO' });
    await closeRuntime(deps); // the server goes down before the timer is due

    deps = await openRuntime(config, { log });
    cleanup.push(() => closeRuntime(deps));
    await deps.jobs.work(deps);
    // A restart slower than 5 s (a loaded machine) may find the timer already due: then it fires at once.
    if (Date.now() < due.getTime() - 1000) expect((await reminders(deps, account.id))[0].n).toBe(0);
    await eventually(async () => (await reminders(deps, account.id))[0].n > 0, 30_000, 200);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await reminders(deps, account.id))[0].n).toBe(1);
    const [timer] = await deps.database.query<{ status: string; fired_at: string | Date }>('SELECT status, fired_at FROM timers WHERE entity_id = $1', [account.id]);
    expect(timer.status).toBe('fired');
    // Never before it was due, whenever the restart finished.
    expect(new Date(timer.fired_at).getTime()).toBeGreaterThanOrEqual(due.getTime());
  });

  it('rescheduling moves the timer; the old one never fires', async () => {
    const t = await createTestApp({ workers: true });
    cleanup.push(() => t.close());
    const sales = await t.login('sales');
    const a = await t.account();
    await sales.post(`/api/accounts/${a.id}/reminders`, { at: new Date(Date.now() + 1000).toISOString(), note: 'first' });
    await sales.post(`/api/accounts/${a.id}/reminders`, { at: new Date(Date.now() + 2000).toISOString(), note: 'second' });
    await eventually(async () => (await reminders(t.deps, a.id))[0].n > 0, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    const rows = await t.deps.database.query<{ subject: string }>("SELECT subject FROM activities WHERE account_id = $1 AND subject LIKE 'Reminder:%'", [a.id]);
    expect(rows.map((r) => r.subject)).toEqual(['Reminder: second']);
  });

  it('timer rows written set-based without a job (the demo) are queued when workers start, and fire once', async () => {
    const t = await createTestApp();
    cleanup.push(() => t.close());
    const a = await t.account();
    const at = new Date(Date.now() + 500);
    await t.deps.database.query(
      "INSERT INTO timers (kind, entity_type, entity_id, due_at, payload) VALUES ('account.reminder', 'account', $1, $2, $3)",
      [a.id, at.toISOString(), JSON.stringify({ note: 'set-based', byName: 'Demo', byId: null })],
    );
    await startWorkers(t.deps);
    await startWorkers(t.deps); // a second start (another process) finds nothing left to queue
    await eventually(async () => (await reminders(t.deps, a.id))[0].n > 0, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await reminders(t.deps, a.id))[0].n).toBe(1);
    const [timer] = await t.deps.database.query<{ status: string; job_id: string | null }>('SELECT status, job_id FROM timers WHERE entity_id = $1', [a.id]);
    expect(timer).toMatchObject({ status: 'fired' });
    expect(timer.job_id).not.toBeNull();
  });
});

describe('outbox', () => {
  it('writes the event with the change and nothing when the change fails', async () => {
    const t = await createTestApp();
    cleanup.push(() => t.close());
    const ctx = systemCtx(t.deps);
    const before = await t.count('domain_events');
    const a = await createAccount(ctx, { name: 'Outbox AS' });
    expect(await t.count('domain_events')).toBe(before + 1);
    await expect(updateAccount(ctx, a.id, { version: 99, employees: 1 })).rejects.toThrow(/changed/);
    expect(await t.count('domain_events')).toBe(before + 1);
    const jobs = await t.deps.database.query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'events.dispatch'");
    expect(jobs[0].n).toBe(before + 1);
  });
});

describe('data directory lock', () => {
  it.skipIf(backend === 'postgres')('a second process on the same data directory exits non-zero and the first keeps working', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vg-lock-'));
    const config = loadConfig({ NODE_ENV: 'test', VALUEGRAPH_DATA_DIR: dir });
    const deps = await openRuntime(config, { log });
    cleanup.push(() => closeRuntime(deps));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], {
      env: { ...process.env, VALUEGRAPH_DATA_DIR: dir, PORT: '0', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/in use by another Valuegraph process/);
    expect((await deps.database.query<{ one: number }>('SELECT 1 AS one'))[0].one).toBe(1);
  });
});
