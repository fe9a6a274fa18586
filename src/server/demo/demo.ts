// The demo dataset: deterministic for a seed, every lifecycle stage and both segments, users of every role.
// The same generator writes 100k accounts for benchmarks (set-based multi-row inserts in batches).
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '../../core/access/roles';
import { LIFECYCLE_STAGES } from '../../core/accounts/schemas';
import type { Database } from '../db/client';
import { accounts, activities, contacts, partners, users } from '../db/schema';

type NewAccount = typeof accounts.$inferInsert;
type NewContact = typeof contacts.$inferInsert;
import { hashPassword } from '../modules/platform/crypto';
import { loadBillingDemo } from './billing-demo';
import type { DemoContext } from './context';
import { loadContentDemo } from './content-demo';
import { loadDeliveryDemo } from './delivery-demo';
import { loadLeadsDemo } from './leads-demo';
import { loadPipelineDemo } from './pipeline-demo';
import { loadRealizationDemo } from './realization-demo';
import { loadValueDemo } from './value-demo';
import * as W from './words';

export const DEMO_PASSWORD = 'valuegraph-demo';
export const DEMO_DOMAIN = 'demo.valuegraph.dev';
export const demoEmail = (role: Role) => `${role}@${DEMO_DOMAIN}`;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    some: <T>(xs: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => xs[Math.floor(next() * xs.length)]))],
  };
}

// Share of accounts per lifecycle stage: a pipeline of prospects and a base of customers in every later stage.
const STAGE_WEIGHTS: Record<(typeof LIFECYCLE_STAGES)[number], number> = {
  prospect: 30, implementation: 10, adoption: 14, value_realization: 18, expansion: 12, renewal: 10, churned: 6,
};

export interface DemoOptions { seed?: number; accounts?: number; activitiesPerAccount?: number; contactsPerAccount?: number; now?: Date }
export interface DemoResult { accounts: number; contacts: number; activities: number; users: number; ms: number }

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return row.n === 0;
}

export async function loadDemo(database: Database, opts: DemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  const r = rng(opts.seed ?? 42);
  const nAccounts = opts.accounts ?? 240;
  const now = opts.now ?? new Date();
  const db = database.db;
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash shared by every demo login

  const partnerRows = await db.insert(partners).values([
    { name: 'Northwind Systems Integration', type: 'reseller' },
    { name: 'Bluepeak Consulting', type: 'implementation' },
    { name: 'Atlas IT Partners', type: 'referral' },
  ]).returning({ id: partners.id });

  const staff: { email: string; name: string; role: Role }[] = ROLES.filter((x) => x !== 'customer').map((role) => ({
    email: demoEmail(role), name: `${r.pick(W.FIRST)} ${r.pick(W.LAST)}`, role,
  }));
  for (const [role, n] of [['sales', 4], ['csm', 4], ['sdr', 2], ['delivery', 2]] as const) {
    for (let i = 2; i <= n + 1; i++) staff.push({ email: `${role}${i}@${DEMO_DOMAIN}`, name: `${r.pick(W.FIRST)} ${r.pick(W.LAST)}`, role });
  }
  const userRows = await db.insert(users).values(staff.map((s) => ({
    ...s, passwordHash, partnerId: s.role === 'partner' ? partnerRows[0].id : null, timeZone: 'Europe/Copenhagen',
  }))).returning({ id: users.id, role: users.role });
  const idsOf = (role: string) => userRows.filter((u) => u.role === role).map((u) => u.id);
  const aes = idsOf('sales');
  const csms = idsOf('csm');
  const execs = idsOf('executive');

  const stages = Object.entries(STAGE_WEIGHTS).flatMap(([s, w]) => Array<string>(w).fill(s)) as NewAccount['lifecycleStage'][];
  const accountIds: string[] = [];
  const usedNames = new Set<string>();
  const BATCH = 1000;
  for (let start = 0; start < nAccounts; start += BATCH) {
    const batch: NewAccount[] = [];
    for (let i = start; i < Math.min(nAccounts, start + BATCH); i++) {
      const core = r.pick(W.CORES);
      const country = r.pick(W.COUNTRIES);
      const base = `${r.pick(W.PREFIXES)} ${core} ${r.pick(W.SUFFIXES)}`;
      const name = !usedNames.has(base) ? base : !usedNames.has(`${base} ${country.code}`) ? `${base} ${country.code}` : `${base} ${i}`;
      usedNames.add(name);
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 40);
      // A deterministic, spread-out stage assignment so even small datasets cover every stage.
      const stage = i < LIFECYCLE_STAGES.length ? LIFECYCLE_STAGES[i] : stages[Math.floor(r.next() * stages.length)] as NewAccount['lifecycleStage'];
      const strategic = i % 5 === 0 || r.next() < 0.08;
      const employees = strategic ? r.int(3000, 60000) : r.int(200, 4000);
      const servers = Math.round(employees * (0.2 + r.next() * 0.6));
      const customer = stage !== 'prospect';
      batch.push({
        name, domain: `${slug}.${country.tld}`, industry: W.INDUSTRY_OF[core], employees,
        annualRevenue: employees * r.int(150, 400) * 1000 * 100, country: country.code, region: country.region,
        territory: W.TERRITORY_OF[country.region], timeZone: country.tz,
        segment: strategic ? 'strategic' : 'standard', lifecycleStage: stage,
        aeId: r.pick(aes), csmId: customer ? r.pick(csms) : null, execSponsorId: strategic && customer ? r.pick(execs) : null,
        partnerId: !strategic && r.next() < 0.35 ? r.pick(partnerRows).id : (i === 1 ? partnerRows[0].id : null),
        techStack: [r.pick(W.ITSM), ...r.some(W.MONITORING, 2), ...r.some(W.PLATFORMS, 3)],
        servers, cloudResources: Math.round(servers * r.next() * 3), networkDevices: Math.round(servers * (0.1 + r.next() * 0.4)),
        complianceFrameworks: r.some(W.COMPLIANCE, r.int(1, 3)),
        arr: customer ? (strategic ? r.int(180, 650) : r.int(35, 160)) * 1000 * 100 : 0, currency: 'USD',
        createdAt: new Date(now.getTime() - r.int(20, 900) * 86400_000),
      });
    }
    const rows = await db.insert(accounts).values(batch).returning({ id: accounts.id });
    accountIds.push(...rows.map((x) => x.id));
  }

  const customerAccount = accountIds[2]; // an adoption-stage account (index 2 of LIFECYCLE_STAGES)
  await db.insert(users).values({
    email: demoEmail('customer'), name: `${r.pick(W.FIRST)} ${r.pick(W.LAST)}`, role: 'customer', passwordHash,
    accountId: customerAccount, timeZone: 'Europe/Copenhagen',
  });

  let nContacts = 0;
  let nActivities = 0;
  const perContacts = opts.contactsPerAccount ?? 4;
  const perActivities = opts.activitiesPerAccount ?? 8;
  for (let start = 0; start < accountIds.length; start += 200) {
    const cBatch: NewContact[] = [];
    const aBatch = [];
    for (const accountId of accountIds.slice(start, start + 200)) {
      const nc = perContacts === 0 ? 0 : r.int(Math.max(1, perContacts - 2), perContacts + 2);
      for (let k = 0; k < nc; k++) {
        const t = W.TITLES[(k + r.int(0, 3)) % W.TITLES.length];
        const first = r.pick(W.FIRST);
        const last = r.pick(W.LAST);
        cBatch.push({
          accountId, firstName: first, lastName: last, title: t.title, roles: t.roles as NewContact['roles'], isPrimary: k === 0,
          email: `${first}.${last}.${k}@example.com`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
          phone: `+45 ${r.int(20, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
        });
      }
      const na = perActivities === 0 ? 0 : r.int(Math.max(1, perActivities - 3), perActivities + 3);
      for (let k = 0; k < na; k++) {
        const n = r.pick(W.NOTES);
        aBatch.push({
          accountId, kind: n.kind, subject: n.subject, body: n.body, actorId: r.pick([...aes, ...csms]), audience: n.audience ?? ('internal' as const),
          occurredAt: new Date(now.getTime() - r.int(1, 180) * 86400_000 - r.int(0, 86399) * 1000),
        });
      }
    }
    if (cBatch.length) { await db.insert(contacts).values(cBatch); nContacts += cBatch.length; }
    if (aBatch.length) { await db.insert(activities).values(aBatch); nActivities += aBatch.length; }
  }
  // Each stream adds its own demo rows on top of the accounts (leads, pipeline, value graphs, content).
  const accountRows = await db.select({
    id: accounts.id, name: accounts.name, lifecycleStage: accounts.lifecycleStage, segment: accounts.segment,
    partnerId: accounts.partnerId, aeId: accounts.aeId, industry: accounts.industry,
  }).from(accounts).orderBy(accounts.createdAt, accounts.id);
  const usersByRole = Object.fromEntries(ROLES.map((role) => [role, idsOf(role)])) as DemoContext['usersByRole'];
  const ctx: DemoContext = {
    rng: r, now, accounts: accountRows, usersByRole, partnerIds: partnerRows.map((p) => p.id), scale: nAccounts / 240,
  };
  for (const load of [loadLeadsDemo, loadPipelineDemo, loadValueDemo, loadContentDemo]) await load(database, ctx);
  // Delivery projects from the pipeline's contracts; billing then invoices their accepted milestones.
  await loadDeliveryDemo(database, ctx);
  // Billing after the pipeline (contracts) and delivery (accepted milestones) loaders.
  await loadBillingDemo(database, ctx);
  // Value realization last: it links KPIs to the delivery projects of the contracts and reads every stream's rows.
  await loadRealizationDemo(database, ctx);
  if (database.kind === 'postgres') await db.execute(sql`ANALYZE`);
  return {
    accounts: accountIds.length, contacts: nContacts, activities: nActivities, users: userRows.length + 1,
    ms: Math.round(performance.now() - started),
  };
}
