// The demo generator at benchmark scale: 100k accounts, as `npm run bench` and `valuegraph demo --scale 417` load
// them. Every insert is chunked, so no statement grows with the dataset (a single multi-row insert of the benchmark's
// POCs or stage history overflowed the query builder's stack), and the per-deal documents stay a bounded sample.
// Slow (about a minute on PostgreSQL, several on PGlite): runs with VALUEGRAPH_SLOW_TESTS=1 (`npm run test:slow`).
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/server/demo/demo';
import { backend, createTestApp, type TestApp } from '../helpers';

const apps: TestApp[] = [];
afterAll(async () => { for (const a of apps) await a.close(); });

describe.skipIf(!process.env.VALUEGRAPH_SLOW_TESTS)(`demo at 100k accounts (${backend})`, () => {
  it('generates every account with its deals and contracts, and bounded samples of projects, business cases and KPIs', async () => {
    const t = await createTestApp();
    apps.push(t);
    const steps: string[] = [];
    const started = performance.now();
    const demo = await loadDemo(t.deps.database, {
      accounts: 100_000, contactsPerAccount: 0, activitiesPerAccount: 0, log: (step, ms) => steps.push(`${step} ${(ms / 1000).toFixed(1)} s`),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`demo at 100k accounts on ${backend}: ${seconds.toFixed(1)} s (${steps.join(', ')})`);
    expect(demo.accounts).toBe(100_000);
    const n = async (sql: string) => (await t.deps.database.query<{ n: number }>(sql))[0].n;
    expect(await n('SELECT count(*)::int AS n FROM accounts')).toBe(100_000);
    // Every customer has its won deal and contract; every prospect an open deal.
    expect(await n("SELECT count(*)::int AS n FROM accounts a WHERE a.lifecycle_stage <> 'prospect' AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.account_id = a.id)")).toBe(0);
    expect(await n("SELECT count(*)::int AS n FROM accounts a WHERE a.lifecycle_stage = 'prospect' AND NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.account_id = a.id AND o.closed_at IS NULL)")).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM opportunity_stage_history')).toBeGreaterThan(400_000);
    expect(await n('SELECT count(*)::int AS n FROM pocs')).toBeGreaterThan(10_000);
    const projects = await n('SELECT count(*)::int AS n FROM projects');
    expect(projects).toBeGreaterThan(300);
    expect(projects).toBeLessThanOrEqual(400);
    expect(await n('SELECT count(*)::int AS n FROM value_hypotheses')).toBeLessThanOrEqual(2_400);
    expect(await n("SELECT count(*)::int AS n FROM value_hypotheses WHERE status = 'accepted' AND roi_percent < 100")).toBe(0);
    expect(await n('SELECT count(*)::int AS n FROM kpi_measurements')).toBeGreaterThan(1_000);
  }, 45 * 60_000);
});
