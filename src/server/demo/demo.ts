// The demo dataset: deterministic for a seed, every lifecycle stage and both segments, users of every role. Each
// account gets a storyline first (storyline.ts) and every stream's loader writes its rows from it, so deals, contract
// dates, projects, invoices and KPI histories tell one story per account. The same generator writes 100k accounts
// for benchmarks: rows go in chunked column-array inserts (bulk.ts), and the per-deal documents (business cases, KPI
// histories, projects, invoices) are written for a bounded sample at that scale.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '../../core/access/roles';
import { LIFECYCLE_STAGES } from '../../core/accounts/schemas';
import type { Database } from '../db/client';
import { partners, users } from '../db/schema';
import { hashPassword } from '../modules/platform/crypto';
import { currentPlaybook } from '../modules/platform/playbook.service';
import { loadBillingDemo } from './billing-demo';
import { rowGroup } from './bulk';
import type { DemoAccount, DemoContext } from './context';
import { loadContentDemo } from './content-demo';
import { loadDeliveryDemo } from './delivery-demo';
import { loadLeadsDemo } from './leads-demo';
import { loadPipelineDemo } from './pipeline-demo';
import { loadRealizationDemo } from './realization-demo';
import { pricing, storyOf, type Stage, type StoryEnv } from './storyline';
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

// Share of accounts per lifecycle stage: a pipeline of prospects and a base of customers in every later stage. One in
// twenty-five is being implemented now (with the expansions being delivered, about fifteen concurrent projects in the
// 240-account demo).
const STAGE_WEIGHTS: Record<Stage, number> = {
  prospect: 30, implementation: 4, adoption: 12, value_realization: 23, expansion: 12, renewal: 11, churned: 8,
};
/** The customer portal's account: a strategic expansion customer whose add-on project is in its third week. */
const PORTAL_INDEX = LIFECYCLE_STAGES.indexOf('expansion');
const DAY = 86_400_000;

export interface DemoOptions {
  seed?: number; accounts?: number; activitiesPerAccount?: number; contactsPerAccount?: number; now?: Date;
  /** Called after each step with its duration (the CLI and the benchmarks print them). */
  log?: (step: string, ms: number) => void;
}
export interface DemoResult { accounts: number; contacts: number; activities: number; users: number; ms: number }

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return row.n === 0;
}

const ACCOUNT = {
  id: 'uuid', name: 'text', domain: 'text', industry: 'text', employees: 'int', annualRevenue: 'bigint', country: 'text', region: 'text', territory: 'text',
  timeZone: 'text', segment: 'text', lifecycleStage: 'text', aeId: 'uuid', csmId: 'uuid', execSponsorId: 'uuid', partnerId: 'uuid', techStack: 'text[]',
  servers: 'int', cloudResources: 'int', networkDevices: 'int', complianceFrameworks: 'text[]', arr: 'bigint', currency: 'text', createdAt: 'timestamptz', updatedAt: 'timestamptz',
} as const;
// Rows of the millions at benchmark scale: each time is sent once and copied into the columns that repeat it.
const CONTACT = {
  accountId: 'uuid', firstName: 'text', lastName: 'text', title: 'text', roles: 'text[]', isPrimary: 'bool', email: 'text', phone: 'text', createdAt: 'timestamptz',
  updatedAt: ['timestamptz', 'x.created_at'],
} as const;
const ACTIVITY = {
  accountId: 'uuid', kind: 'text', subject: 'text', body: 'text', actorId: 'uuid', occurredAt: 'timestamptz', createdAt: ['timestamptz', 'x.occurred_at'],
  updatedAt: ['timestamptz', 'x.occurred_at'], audience: 'text',
} as const;

export async function loadDemo(database: Database, opts: DemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  let mark = started;
  const step = (name: string) => { const t = performance.now(); opts.log?.(name, t - mark); mark = t; };
  const r = rng(opts.seed ?? 42);
  const nAccounts = opts.accounts ?? 240;
  const now = opts.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const db = database.db;
  const { playbook } = await currentPlaybook(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash shared by every demo login

  const partnerRows = await db.insert(partners).values([
    { name: 'Northwind Systems Integration', type: 'reseller' },
    { name: 'Bluepeak Consulting', type: 'implementation' },
    { name: 'Atlas IT Partners', type: 'referral' },
  ]).returning({ id: partners.id });

  // One login per role; more sellers and CSMs. Delivery staff beyond the first three are added by the delivery
  // loader, as many as the projects' plans need.
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

  // Accounts and their storylines.
  const stages = Object.entries(STAGE_WEIGHTS).flatMap(([s, w]) => Array<string>(w).fill(s)) as Stage[];
  const env: StoryEnv = { r, today, playbook, pricing: pricing(playbook), prospects: { n: 0 }, projects: { n: 0 } };
  const usedNames = new Set<string>();
  const accounts: DemoAccount[] = [];
  const accountRows = rowGroup(db, { accounts: ACCOUNT });
  for (let i = 0; i < nAccounts; i++) {
    const core = r.pick(W.CORES);
    const country = r.pick(W.COUNTRIES);
    const base = `${r.pick(W.PREFIXES)} ${core} ${r.pick(W.SUFFIXES)}`;
    const name = !usedNames.has(base) ? base : !usedNames.has(`${base} ${country.code}`) ? `${base} ${country.code}` : `${base} ${i}`;
    usedNames.add(name);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 40);
    // Even small datasets cover every stage.
    const stage = i < LIFECYCLE_STAGES.length ? LIFECYCLE_STAGES[i] : stages[Math.floor(r.next() * stages.length)];
    const strategic = i % 5 === 0 || r.next() < 0.08 || i === PORTAL_INDEX;
    const employees = strategic ? r.int(3000, 60000) : r.int(200, 4000);
    const servers = Math.round(employees * (0.2 + r.next() * 0.6));
    const customer = stage !== 'prospect';
    const profile = {
      name, industry: W.INDUSTRY_OF[core], employees, servers, cloudResources: Math.round(servers * r.next() * 3),
      networkDevices: Math.round(servers * (0.1 + r.next() * 0.4)), complianceFrameworks: r.some(W.COMPLIANCE, r.int(1, 3)),
      techStack: [r.pick(W.ITSM), ...r.some(W.MONITORING, 2), ...r.some(W.PLATFORMS, 3)],
    };
    const id = randomUUID();
    const partnerId = !strategic && r.next() < 0.35 ? r.pick(partnerRows).id : (i === 1 ? partnerRows[0].id : null);
    const aeId = r.pick(aes);
    const csmId = customer ? r.pick(csms) : null;
    const story = storyOf({ stage, profile, portal: i === PORTAL_INDEX }, env);
    accounts.push({
      id, name, lifecycleStage: stage, segment: strategic ? 'strategic' : 'standard', partnerId, aeId, csmId, industry: profile.industry,
      timeZone: country.tz, profile, story,
    });
    await accountRows.add('accounts', {
      id, name, domain: `${slug}.${country.tld}`, industry: profile.industry, employees, annualRevenue: employees * r.int(150, 400) * 1000 * 100,
      country: country.code, region: country.region, territory: W.TERRITORY_OF[country.region], timeZone: country.tz,
      segment: strategic ? 'strategic' : 'standard', lifecycleStage: stage, aeId, csmId, execSponsorId: strategic && customer ? r.pick(execs) : null,
      partnerId, techStack: profile.techStack, servers, cloudResources: profile.cloudResources, networkDevices: profile.networkDevices,
      complianceFrameworks: profile.complianceFrameworks, arr: story.arr, currency: 'USD', createdAt: story.createdAt, updatedAt: story.createdAt,
    });
  }
  await accountRows.end();
  await db.insert(users).values({
    email: demoEmail('customer'), name: `${r.pick(W.FIRST)} ${r.pick(W.LAST)}`, role: 'customer', passwordHash,
    accountId: accounts[PORTAL_INDEX]?.id ?? accounts[0]?.id ?? null, timeZone: 'Europe/Copenhagen',
  });
  step('accounts');

  // Contacts, and notes from the account's own life: sales conversations before the contract, customer ones after.
  const people = rowGroup(db, { contacts: CONTACT });
  const notes = rowGroup(db, { activities: ACTIVITY });
  const perContacts = opts.contactsPerAccount ?? 4;
  const perActivities = opts.activitiesPerAccount ?? 8;
  const notesOf = (phase: string) => W.NOTES.filter((n) => n.phase === phase);
  const [sale, onboarding, live] = [notesOf('sale'), notesOf('customer'), notesOf('live')];
  const team = [...csms, ...aes];
  for (const a of accounts) {
    const created = a.story.createdAt.toISOString();
    const createdMs = a.story.createdAt.getTime();
    const nc = perContacts === 0 ? 0 : r.int(Math.max(1, perContacts - 2), perContacts + 2);
    for (let k = 0; k < nc; k++) {
      const t = W.TITLES[(k + r.int(0, 3)) % W.TITLES.length];
      const first = r.pick(W.FIRST);
      const last = r.pick(W.LAST);
      await people.add('contacts', {
        accountId: a.id, firstName: first, lastName: last, title: t.title, roles: t.roles, isPrimary: k === 0,
        email: `${first}.${last}.${k}@example.com`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
        phone: `+45 ${r.int(20, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`, createdAt: created,
      });
    }
    const first = a.story.deals.find((d) => d.kind === 'new' && d.contract);
    const signed = first?.closedOn ? Date.parse(`${first.closedOn}T12:00:00Z`) : Infinity;
    const project = first?.project;
    const golive = project ? Date.parse(`${project.start}T12:00:00Z`) + 7 * project.weeks * DAY : Infinity;
    const last = first?.contract?.status === 'ended' ? Date.parse(`${first.contract.end}T12:00:00Z`) : now.getTime();
    const na = perActivities === 0 ? 0 : r.int(Math.max(1, perActivities - 3), perActivities + 3);
    for (let k = 0; k < na; k++) {
      const at = Math.max(createdMs + 3_600_000, last - r.int(1, 180) * DAY - r.int(0, 86_399) * 1000);
      const n = r.pick(at < signed ? sale : at < golive ? onboarding : live);
      const when = new Date(at).toISOString();
      await notes.add('activities', { accountId: a.id, kind: n.kind, subject: n.subject, body: n.body, actorId: r.pick(at < signed ? aes : team), occurredAt: when, audience: n.audience ?? 'internal' });
    }
  }
  const { contacts: nContacts } = await people.end();
  const { activities: nActivities } = await notes.end();
  step('contacts and activities');

  const usersByRole = Object.fromEntries(ROLES.map((role) => [role, idsOf(role)])) as DemoContext['usersByRole'];
  const ctx: DemoContext = { rng: r, now, accounts, usersByRole, partnerIds: partnerRows.map((p) => p.id), scale: nAccounts / 240 };
  // Each stream adds its rows from the storylines. Delivery needs the pipeline's contracts; billing invoices delivery's
  // accepted milestones; value realization comes last (it links KPIs to the projects and reads every stream's rows).
  for (const load of [loadLeadsDemo, loadPipelineDemo, loadValueDemo, loadContentDemo, loadDeliveryDemo, loadBillingDemo, loadRealizationDemo]) {
    await load(database, ctx);
    step(load.name.replace(/^load|Demo$/g, '').toLowerCase());
  }
  if (database.kind === 'postgres') await db.execute(sql`ANALYZE`);
  step('analyze');
  return {
    accounts: accounts.length, contacts: nContacts, activities: nActivities,
    users: (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0].n, ms: Math.round(performance.now() - started),
  };
}
