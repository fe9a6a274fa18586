// Customers and partners see only what was published to them (core/access/audience.ts). Two accounts — one of the
// partner's, one of another partner's — are filled through the API with rows of every kind, with unique marker strings
// planted in internal timeline entries, reminders, gate and checklist notes, override and loss reasons, agent
// artifacts, draft value updates, the retrospective and the staffing details of lead assignment (colleagues out of
// office or at capacity). A customer and a partner user then walk every GET route their policy admits — taken from the
// policy registry, so a route added later is walked too — with the ids of both accounts. No internal marker may come
// back in any body, nothing of the other account either; the rows published to them must.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/core/playbook';
import { policyRegistry } from '../../src/server/http/route';
import { createTestApp, eventually, type Client, type Res, type TestApp } from '../helpers';

let t: TestApp;
const q = <T = any>(text: string, params: unknown[] = []) => t.deps.database.query<T>(text, params);
const run = Math.random().toString(36).slice(2, 8);
/** Planted strings: `internal` ones no outsider may read, `partner` ones the partner may read but not the customer. */
const hidden = { internal: [] as string[], partner: [] as string[] };
const mark = (what: string, audience: keyof typeof hidden = 'internal') => {
  const m = `SECRET${run}${what.replace(/\W/g, '')}${hidden.internal.length + hidden.partner.length}`;
  hidden[audience].push(m);
  return m;
};
const criteriaOf = (stage: string) => defaultPlaybook.pipeline.stages.find((s) => s.id === stage)!.exitCriteria.map((c) => c.id);

interface World {
  label: string; accountId: string; contactId: string; publishedContactId: string; leadId: string; opportunityId: string;
  projectId: string; taskId: string; reportId: string; invoiceId: string; kpiId: string; contentId: string; milestoneId: string;
  /** Subjects of the entries published to the customer and to the partner, and of a partner user's own entries. */
  published: { customer: string; partner: string; partnerOwnNote: string; leadActivity: string };
  activityIds: { internal: string; customer: string };
  artifacts: { internal: string; published: string };
  weekly: { draft: string; accepted: string };
}

let admin: Client; let exec: Client; let sales: Client; let delivery: Client; let csm: Client;
const partnerOf = new Map<string, Client>();

function ok(res: Res, what: string) {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function world(label: string, partnerId: string): Promise<World> {
  const partner = partnerOf.get(partnerId)!;
  const acc = await t.account({ name: `Audience ${label} ${run}`, partnerId, industry: 'Financial services', employees: 4000, description: `Price sensitive ${mark('description', 'partner')}` });
  const accountId = acc.id;
  // Contacts: one whose buying-centre roles stay internal, one whose roles were published to the customer.
  const contact = ok(await csm.post(`/api/accounts/${accountId}/contacts`, { firstName: 'Ines', lastName: 'Roth', title: 'CIO', roles: ['economic_buyer', 'champion'] }), 'contact');
  const pubContact = ok(await csm.post(`/api/accounts/${accountId}/contacts`, { firstName: 'Ola', lastName: 'Dahl', title: 'IT service manager', roles: ['technical'], rolesAudience: 'customer' }), 'contact');
  // Timeline: internal discovery notes, one entry published to each outside audience, the partner's own entry.
  const internal = ok(await sales.post(`/api/accounts/${accountId}/activities`, { kind: 'note', subject: `Discovery ${mark('subject')}`, body: `CIO is the economic buyer; the IT service manager is our champion ${mark('body')}`, contactId: contact.id }), 'note');
  const published = { customer: `Go-live planned ${label} ${run}`, partner: `Joint account plan ${label} ${run}`, partnerOwnNote: `Partner workshop ${label} ${run}`, leadActivity: `Partner call ${label} ${run}` };
  const toCustomer = ok(await delivery.post(`/api/accounts/${accountId}/activities`, { kind: 'note', subject: published.customer, body: 'Cutover on the weekend.', audience: 'customer' }), 'published');
  ok(await sales.post(`/api/accounts/${accountId}/activities`, { kind: 'meeting', subject: published.partner, body: `Margin split ${mark('partnerbody', 'partner')}`, audience: 'partner' }), 'partner note');
  ok(await partner.post(`/api/accounts/${accountId}/activities`, { kind: 'call', subject: published.partnerOwnNote }), 'partner own note');
  ok(await sales.post(`/api/accounts/${accountId}/reminders`, { at: new Date(Date.now() + 86400_000).toISOString(), note: `Chase the budget ${mark('reminder')}` }), 'reminder');

  // Pipeline: a won deal (staff gate notes and the override reasons are internal; the partner's own note is its own)
  // and a lost one (loss notes are internal).
  const opp = ok(await sales.post('/api/opportunities', { accountId, name: `Rollout ${label}`, amount: 150_000_00, closeDate: '2030-03-15', partnerId }), 'opportunity');
  const [c1, c2] = criteriaOf('discovery');
  ok(await sales.post(`/api/opportunities/${opp.id}/criteria/${c1}`, { checked: true, note: `Budget owner ${mark('gate')}` }), 'criterion');
  ok(await partner.post(`/api/opportunities/${opp.id}/criteria/${c2}`, { checked: true, note: `Partner checked ${label} ${run}` }), 'partner criterion');
  ok(await sales.post(`/api/opportunities/${opp.id}/poc`, { scope: 'Discovery of two data centres', successCriteria: [{ measure: 'Coverage', target: '95 %' }] }), 'poc');
  ok(await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, {}), 'hypothesis');
  const partnerRun = ok(await partner.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, {}), 'partner hypothesis');
  ok(await exec.post(`/api/opportunities/${opp.id}/advance`, { toStage: 'negotiation', overrideReason: `CIO mandate ${mark('override')}` }), 'advance');
  const commitment = ok(await sales.post(`/api/opportunities/${opp.id}/value/commitment/generate`), 'commitment');
  const [staffRun] = await q<{ id: string }>("UPDATE agent_artifacts SET narrative = narrative || $1 WHERE id = $2 RETURNING id", [` ${mark('artifact')}`, commitment.artifactId]);
  ok(await exec.post(`/api/opportunities/${opp.id}/value/commitment/accept`, { version: commitment.version }), 'accept commitment');
  ok(await exec.post(`/api/opportunities/${opp.id}/close-won`, { overrideReason: `Board pressure ${mark('closewon')}`, servicesFee: 100_000_00, startDate: '2030-04-01' }), 'close won');
  const lost = ok(await sales.post('/api/opportunities', { accountId, name: `Upsell ${label}`, amount: 10_000_00, partnerId }), 'lost opp');
  ok(await sales.post(`/api/opportunities/${lost.id}/close-lost`, { reason: 'no_budget', notes: `Champion left ${mark('lossnotes')}` }), 'close lost');

  // Delivery: the project the won deal starts, an internal checklist note and retrospective, a sent status report.
  const projectId = (await eventually(async () => (await delivery.get(`/api/accounts/${accountId}/projects`)).body.items?.[0]?.id ?? null)) as string;
  ok(await delivery.post(`/api/projects/${projectId}/checklists/entry/kickoff_completed`, { done: true, note: `Staffing gap ${mark('checklist')}` }), 'checklist');
  await q('UPDATE projects SET lessons_learned = $1, quality_score = 61 WHERE id = $2', [`Under-staffed ${mark('lessons')}`, projectId]);
  const tasks = ok(await delivery.get(`/api/projects/${projectId}/tasks`), 'tasks');
  const report = ok(await delivery.post(`/api/projects/${projectId}/status-reports`, {}), 'report');
  ok(await delivery.post(`/api/projects/${projectId}/status-reports/${report.id}/send`), 'send report');
  const project = ok(await delivery.get(`/api/projects/${projectId}`), 'project');
  // The risk register is the partner's too (it may run the project), not the customer's.
  ok(await delivery.post(`/api/projects/${projectId}/risks`, { title: 'Key engineer leaving', impact: 'high', probability: 'medium', mitigation: `Backfill ${mark('risk', 'partner')}` }), 'risk');
  const invoiceId = (await eventually(async () => (await q<{ id: string }>('SELECT id FROM invoices WHERE account_id = $1', [accountId]))[0]?.id ?? null)) as string;
  const kpiId = (await eventually(async () => (await q<{ id: string }>('SELECT id FROM value_kpis WHERE account_id = $1', [accountId]))[0]?.id ?? null)) as string;
  // Value updates: a draft under review stays internal; accepting one publishes it to the customer.
  const draft = ok(await csm.post(`/api/value/accounts/${accountId}/weekly-updates`), 'weekly draft');
  await q('UPDATE agent_artifacts SET narrative = narrative || $1 WHERE id = $2', [` ${mark('weeklydraft')}`, draft.id]);
  const accepted = ok(await csm.post(`/api/value/accounts/${accountId}/weekly-updates`), 'weekly');
  ok(await csm.post(`/api/value/weekly-updates/${accepted.id}/accept`), 'accept weekly');

  // Lead: the partner's referral, assigned by the rules while marked colleagues are out of office or at capacity.
  const lead = ok(await partner.post('/api/leads', { source: 'website', email: `buyer.${label}.${run}@example.com`, companyName: `Referral ${label}`, country: 'NO' }), 'lead');
  const current = ok(await sales.get(`/api/leads/${lead.id}`), 'lead');
  ok(await sales.post(`/api/leads/${lead.id}/assign`, { version: current.version }), 'assign');
  ok(await sales.post(`/api/leads/${lead.id}/activities`, { kind: 'note', subject: `Internal view ${mark('leadnote')}` }), 'lead note');
  ok(await partner.post(`/api/leads/${lead.id}/activities`, { kind: 'call', subject: published.leadActivity }), 'partner lead call');

  const content = ok(await admin.post('/api/content', { kind: 'talk_track', title: `Talk track ${label}`, body: 'Lead with the audit pain.' }), 'content');
  return {
    label, accountId, contactId: contact.id, publishedContactId: pubContact.id, leadId: lead.id, opportunityId: opp.id, projectId,
    taskId: tasks.items[0].id, reportId: report.id, invoiceId, kpiId, contentId: content.id, milestoneId: project.milestones[0].id,
    published, activityIds: { internal: internal.id, customer: toCustomer.id },
    artifacts: { internal: staffRun.id, published: partnerRun.artifactId }, weekly: { draft: draft.id, accepted: accepted.id },
  };
}

let mine: World; let other: World; let customer: Client; let partner: Client;

beforeAll(async () => {
  t = await createTestApp({ workers: true });
  [admin, exec, sales, delivery, csm] = await Promise.all((['admin', 'executive', 'sales', 'delivery', 'csm'] as const).map((r) => t.login(r)));
  // Colleagues out of office and at capacity: the assignment explanation names them (staffing, internal).
  for (const [what, profile] of [['ooo', { outOfOfficeUntil: '2099-01-01T00:00:00Z' }], ['full', { capacity: 0 }]] as const) {
    const u = await t.login('sales');
    await q('UPDATE users SET name = $1 WHERE id = $2', [mark(`staff${what}`), u.user.id]);
    ok(await admin.put(`/api/sales-profiles/${u.user.id}`, { territories: ['NO'], ...profile }), 'profile');
  }
  ok(await admin.put(`/api/sales-profiles/${sales.user.id}`, { territories: ['EMEA'] }), 'profile');
  const [p1, p2] = [await t.partner(), await t.partner()];
  partner = await t.login('partner', { partnerId: p1 });
  partnerOf.set(p1, partner).set(p2, await t.login('partner', { partnerId: p2 }));
  mine = await world('mine', p1);
  other = await world('other', p2);
  customer = await t.login('customer', { accountId: mine.accountId });
}, 300_000);
afterAll(async () => { await t?.close(); });

/** Fills a route's path parameters from a world's rows; an unknown parameter fails the test (add it here). */
function fill(route: string, w: World): string {
  const byResource: Record<string, string> = {
    accounts: w.accountId, contacts: w.contactId, leads: w.leadId, opportunities: w.opportunityId, projects: w.projectId,
    tasks: w.taskId, invoices: w.invoiceId, kpis: w.kpiId, content: w.contentId, value: w.accountId,
  };
  return route.replace(/:(\w+)/g, (_, name: string) => {
    const v = name === 'id' ? byResource[route.split('/')[2]] : ({ reportId: w.reportId, milestoneId: w.milestoneId } as Record<string, string>)[name];
    if (!v) throw new Error(`audience test: no value for :${name} in ${route}`);
    return v;
  });
}

/** Every GET route a role's policy admits, from the registry every route is declared in. */
function routesFor(role: 'customer' | 'partner') {
  return [...policyRegistry].filter(([key, p]) => key.startsWith('GET ') && !p.public && (p.roles === 'any' || p.roles.includes(role)))
    .map(([key]) => key.slice(4));
}

interface Call { route: string; path: string; own: boolean; status: number; text: string; body: any }

/** Calls every route with the ids of both accounts (routes without ids: plain and filtered by either account). */
async function walk(client: Client, role: 'customer' | 'partner'): Promise<Call[]> {
  const calls: Call[] = [];
  for (const route of routesFor(role)) {
    const paths = route.includes('/:')
      ? [[fill(route, mine), true], [fill(route, other), false]] as const
      : [[route, true], [`${route}?accountId=${mine.accountId}`, true], [`${route}?accountId=${other.accountId}`, false]] as const;
    for (const [path, own] of paths) {
      const res = await client.get(path);
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      calls.push({ route, path, own, status: res.status, text, body: res.body });
      if (process.env.AUDIENCE_DUMP) {
        mkdirSync(`/tmp/vg-aud-dump/${role}`, { recursive: true });
        writeFileSync(`/tmp/vg-aud-dump/${role}/${path.replace(/\W+/g, '_').slice(0, 120)}.json`, `${res.status}\n${JSON.stringify(res.body, null, 1)}`);
      }
    }
  }
  return calls;
}

/** The strings an outsider must never read: internal markers, the other account's rows, for customers the partner's. */
function forbiddenFor(role: 'customer' | 'partner') {
  return [
    ...hidden.internal, ...(role === 'customer' ? hidden.partner : []),
    ...Object.values(other.published), `Audience other ${run}`,
    ...(role === 'customer' ? [mine.published.partner, mine.published.partnerOwnNote] : []),
  ];
}

describe('what customers and partners can read', () => {
  let calls: Record<'customer' | 'partner', Call[]>;
  beforeAll(async () => { calls = { customer: await walk(customer, 'customer'), partner: await walk(partner, 'partner') }; }, 240_000);

  it.each(['customer', 'partner'] as const)('a %s walks every GET route it may call and reads no internal row or field', (role) => {
    const leaks = calls[role].flatMap((c) => forbiddenFor(role).filter((m) => c.text.includes(m)).map((m) => `${c.route} (${c.path}): ${m}`));
    expect(leaks).toEqual([]);
    const errors = calls[role].filter((c) => c.status >= 500).map((c) => `${c.route} → ${c.status}`);
    expect(errors).toEqual([]);
    // Every route answered its own account's ids with data at least once (the walk reached real rows).
    const unanswered = [...new Set(calls[role].map((c) => c.route))].filter((r) => !calls[role].some((c) => c.route === r && c.own && c.status === 200));
    expect(unanswered).toEqual([]);
    // The other account's rows are not found (404) by id; lists filtered by it come back without them.
    const reached = calls[role].filter((c) => !c.own && c.route.includes('/:') && c.status === 200 && !['/api/content/:id', '/api/accounts/:id/projects'].includes(c.route));
    expect(reached.map((c) => c.route)).toEqual([]);
    expect(calls[role].length).toBeGreaterThan(role === 'customer' ? 40 : 90);
  });

  const get = (role: 'customer' | 'partner', route: string) => calls[role].find((c) => c.route === route && c.own)!.body;

  it('shows the customer the entries, roles and value updates published to it, and nothing the partner alone may see', () => {
    const timeline = get('customer', '/api/accounts/:id/timeline').items.map((i: any) => i.subject);
    expect(timeline).toContain(mine.published.customer);
    expect(timeline).not.toContain(mine.published.partner);
    expect(timeline).not.toContain(mine.published.partnerOwnNote);
    expect(timeline.some((s: string) => s.startsWith('Weekly value update'))).toBe(true);
    expect(timeline.some((s: string) => s.startsWith('Status report sent'))).toBe(true); // delivery news is published
    expect(timeline.some((s: string) => s.startsWith('Account created') || s.startsWith('Value hypothesis'))).toBe(false);
    expect(get('customer', '/api/accounts/:id/timeline').items.every((i: any) => i.audience === 'customer')).toBe(true);
    const contacts = Object.fromEntries(get('customer', '/api/accounts/:id/contacts').items.map((c: any) => [c.id, c.roles]));
    expect(contacts).toEqual({ [mine.contactId]: [], [mine.publishedContactId]: ['technical'] });
    expect(get('customer', '/api/value/accounts/:id/weekly-updates').items.map((u: any) => u.id)).toEqual([mine.weekly.accepted]);
    expect(get('customer', '/api/accounts/:id')).toMatchObject({ id: mine.accountId, description: null });
    expect(get('customer', '/api/projects/:id')).toMatchObject({ lessonsLearned: null, qualityScore: null });
    expect(get('customer', '/api/projects/:id').entryChecks.kickoff_completed).toMatchObject({ note: null, byName: 'delivery user' });
    expect(get('customer', '/api/accounts/:id/reminders').items).toEqual([]);
    expect(get('customer', '/api/projects/overview').risks).toEqual([]);
  });

  it('shows the partner what was published to it or to the customer, its own entries, and no staffing details', () => {
    const timeline = get('partner', '/api/accounts/:id/timeline').items.map((i: any) => i.subject);
    expect(timeline).toEqual(expect.arrayContaining([mine.published.customer, mine.published.partner, mine.published.partnerOwnNote]));
    expect(get('partner', '/api/accounts/:id/timeline').items.every((i: any) => ['customer', 'partner'].includes(i.audience))).toBe(true);
    const contacts = Object.fromEntries(get('partner', '/api/accounts/:id/contacts').items.map((c: any) => [c.id, c.roles]));
    expect(contacts).toEqual({ [mine.contactId]: [], [mine.publishedContactId]: ['technical'] });
    expect(get('partner', '/api/accounts/:id').description).toMatch(/^Price sensitive /);
    expect(get('partner', '/api/opportunities/:id/value/artifacts').items.map((a: any) => a.id)).toEqual([mine.artifacts.published]);
    expect(get('partner', '/api/value/accounts/:id/weekly-updates').items.map((u: any) => u.id)).toEqual([mine.weekly.accepted]);
    const lead = get('partner', '/api/leads/:id');
    expect(lead).toMatchObject({ id: mine.leadId, assignmentExplanation: null });
    expect(lead.ownerId).toBe(sales.user.id);
    expect(get('partner', '/api/leads/:id/activities').items.map((a: any) => a.subject)).toEqual([mine.published.leadActivity]);
    const opp = get('partner', '/api/opportunities/:id');
    const [c1, c2] = criteriaOf('discovery');
    expect(opp.gateChecks.discovery[c1]).toMatchObject({ note: null, byName: 'sales user' });
    expect(opp.gateChecks.discovery[c2].note).toBe(`Partner checked mine ${run}`);
    expect(opp.history.every((h: any) => h.overrideReason === null && h.missingCriteria === null)).toBe(true);
    expect(get('partner', '/api/projects/overview').risks.map((r: any) => r.title)).toContain('Key engineer leaving');
    const risk = get('partner', '/api/opportunities/:id/value');
    expect(risk.contacts.find((c: any) => c.id === mine.contactId).roles).toEqual([]);
  });
});

describe('publishing', () => {
  it('staff publish and withdraw an entry; outsiders can neither publish nor write internal entries', async () => {
    const id = mine.activityIds.internal;
    const subjects = async (c: Client) => (await c.get(`/api/accounts/${mine.accountId}/timeline?limit=500`)).body.items.map((i: any) => i.id);
    const [entry] = (await sales.get(`/api/accounts/${mine.accountId}/timeline?limit=500`)).body.items.filter((i: any) => i.id === id);
    expect(entry).toMatchObject({ audience: 'internal', version: 1 });
    expect((await partner.patch(`/api/activities/${id}`, { version: 1, audience: 'customer' })).status).toBe(403);
    expect((await customer.patch(`/api/activities/${id}`, { version: 1, audience: 'customer' })).status).toBe(403);
    expect(await subjects(customer)).not.toContain(id);
    const published = await csm.patch(`/api/activities/${id}`, { version: 1, audience: 'customer' });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ audience: 'customer', version: 2 });
    expect(await subjects(customer)).toContain(id);
    expect(await subjects(partner)).toContain(id);
    expect((await csm.patch(`/api/activities/${id}`, { version: 1, audience: 'internal' })).status).toBe(409);
    expect((await csm.patch(`/api/activities/${id}`, { version: 2, audience: 'partner' })).status).toBe(200);
    expect(await subjects(customer)).not.toContain(id);
    expect(await subjects(partner)).toContain(id);
    expect((await csm.patch(`/api/activities/${id}`, { version: 3, audience: 'internal' })).status).toBe(200);
    expect(await subjects(partner)).not.toContain(id);
    const [audit] = await q<{ before: any; after: any }>("SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'activity.audience' ORDER BY id LIMIT 1", [id]);
    expect(audit).toEqual({ before: { audience: 'internal' }, after: { audience: 'customer' } });

    // A partner writes for the partner (default) or the customer, never an internal entry it could not read back.
    expect((await partner.post(`/api/accounts/${mine.accountId}/activities`, { kind: 'note', subject: 'x', audience: 'internal' })).status).toBe(403);
    const own = await partner.post(`/api/accounts/${mine.accountId}/activities`, { kind: 'note', subject: 'For everyone', audience: 'customer' });
    expect(own.body.audience).toBe('customer');
    expect(await subjects(customer)).toContain(own.body.id);
    expect((await sales.patch(`/api/activities/${mine.activityIds.customer}`, { version: 1, audience: 'customer' })).status).toBe(200);
    expect((await partner.patch(`/api/activities/${own.body.id}`, { version: 1, audience: 'partner' })).status).toBe(403);
  });

  it('contact roles: staff publish them; a partner cannot overwrite or publish roles it cannot see, and re-saving changes nothing', async () => {
    const c = (await sales.get(`/api/accounts/${mine.accountId}/contacts`)).body.items.find((x: any) => x.id === mine.contactId);
    expect(c).toMatchObject({ roles: ['economic_buyer', 'champion'], rolesAudience: 'internal' });
    expect((await partner.patch(`/api/contacts/${c.id}`, { version: c.version, roles: ['user'] })).status).toBe(403);
    expect((await partner.patch(`/api/contacts/${c.id}`, { version: c.version, rolesAudience: 'customer' })).status).toBe(403);
    const resaved = await partner.patch(`/api/contacts/${c.id}`, { version: c.version, roles: [], title: 'Chief information officer' });
    expect(resaved.status).toBe(200);
    expect(resaved.body).toMatchObject({ roles: [], title: 'Chief information officer' });
    const staff = (await sales.get(`/api/accounts/${mine.accountId}/contacts`)).body.items.find((x: any) => x.id === c.id);
    expect(staff).toMatchObject({ roles: ['economic_buyer', 'champion'], rolesAudience: 'internal', version: c.version + 1 });
    expect((await sales.patch(`/api/contacts/${c.id}`, { version: staff.version, rolesAudience: 'partner' })).status).toBe(200);
    const seen = (await partner.get(`/api/accounts/${mine.accountId}/contacts`)).body.items.find((x: any) => x.id === c.id);
    expect(seen.roles).toEqual(['economic_buyer', 'champion']);
    expect((await customer.get(`/api/accounts/${mine.accountId}/contacts`)).body.items.find((x: any) => x.id === c.id).roles).toEqual([]);
  });

  it('agent runs: staff share one with the partner; the partner cannot', async () => {
    const list = async () => (await partner.get(`/api/opportunities/${mine.opportunityId}/value/artifacts`)).body.items.map((a: any) => a.id);
    expect(await list()).not.toContain(mine.artifacts.internal);
    expect((await partner.patch(`/api/value/artifacts/${mine.artifacts.internal}`, { audience: 'partner' })).status).toBe(403);
    const shared = await sales.patch(`/api/value/artifacts/${mine.artifacts.internal}`, { audience: 'partner' });
    expect(shared.status).toBe(200);
    expect(shared.body.audience).toBe('partner');
    expect(await list()).toContain(mine.artifacts.internal);
    expect((await sales.patch(`/api/value/artifacts/${other.artifacts.internal}`, { audience: 'nobody' })).status).toBe(422);
  });
});
