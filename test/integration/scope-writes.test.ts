// Ids in request bodies are reads: a partner or customer user may only reference rows it could open by path, and
// owner fields only name staff of a suitable role (or a partner's own people on its own deals). A refused
// reference is a 4xx that changes nothing and echoes nothing; duplicate detection tells a partner only about its
// own leads. The walk at the end covers every id field of every write route partner and customer users may call.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../src/server/db/client';
import { systemCtx } from '../../src/server/http/env';
import { createProjectFromContract } from '../../src/server/modules/delivery/projects.service';
import { createTestApp, type Client, type Res, type TestApp } from '../helpers';

let t: TestApp;
let admin: Client, sales: Client, exec: Client, csm: Client, delivery: Client;
let pa: Client, pb: Client, customer: Client;
let pA: string, pB: string;
let accA: string, accB: string, accC: string;
let contactA: string, contactB: string, contactC: string;
let leadA: string, leadB: string;
let oppA: string;
let project: { id: string; milestoneId: string };
const q = <T = any>(sql: string, params: unknown[] = []) => t.deps.database.query<T>(sql, params);

async function contact(accountId: string, lastName: string) {
  const [row] = await q<{ id: string }>("INSERT INTO contacts (account_id, first_name, last_name) VALUES ($1, 'Kim', $2) RETURNING id", [accountId, lastName]);
  return row.id;
}
const ok = (r: Res) => { expect(r.status, JSON.stringify(r.body)).toBeLessThan(300); return r.body; };

beforeAll(async () => {
  t = await createTestApp();
  [admin, sales, exec, csm, delivery] = [await t.login('admin'), await t.login('sales'), await t.login('executive'), await t.login('csm'), await t.login('delivery')];
  [pA, pB] = [await t.partner('Partner A'), await t.partner('Partner B')];
  [pa, pb] = [await t.login('partner', { partnerId: pA }), await t.login('partner', { partnerId: pB })];
  [accA, accB, accC] = [(await t.account({ name: 'Of partner A', partnerId: pA, servers: 2000, employees: 5000, complianceFrameworks: ['ISO 27001'] })).id, (await t.account({ name: 'Of partner B', partnerId: pB })).id, (await t.account({ name: 'Customer C' })).id];
  customer = await t.login('customer', { accountId: accC });
  [contactA, contactB, contactC] = [await contact(accA, 'Aho'), await contact(accB, 'Berg'), await contact(accC, 'Carl')];
  leadB = ok(await pb.post('/api/leads', { source: 'website', email: 'cio@shared-prospect.io', lastName: 'Secret' })).id;
  leadA = ok(await pa.post('/api/leads', { source: 'website', email: 'ops@a-prospect.io' })).id;
  oppA = ok(await pa.post('/api/opportunities', { accountId: accA, name: 'Partner A deal', amount: 90_000_00, closeDate: '2031-01-31' })).id;

  // A commitment on partner A's deal to edit.
  ok(await sales.post(`/api/opportunities/${oppA}/value/hypothesis/generate`, {}));
  await q("UPDATE opportunities SET stage = 'negotiation' WHERE id = $1", [oppA]);
  ok(await sales.post(`/api/opportunities/${oppA}/value/commitment/generate`));

  // A project of customer C with a milestone awaiting the customer's decision.
  const deal = ok(await sales.post('/api/opportunities', { accountId: accC, name: 'C rollout', amount: 150_000_00, closeDate: '2030-03-15' }));
  const won = ok(await exec.post(`/api/opportunities/${deal.id}/close-won`, { overrideReason: 'scope test', servicesFee: 100_000_00, startDate: '2030-04-01' }));
  const p = await transaction(t.deps.database, (tx) => createProjectFromContract(systemCtx(t.deps), tx, won.contract.id));
  for (const item of ['kickoff_completed', 'resources_assigned', 'environment_access', 'plan_approved']) {
    ok(await delivery.post(`/api/projects/${p!.id}/checklists/entry/${item}`, { done: true }));
  }
  ok(await delivery.post(`/api/projects/${p!.id}/kickoff`, {}));
  const ms = ok(await delivery.get(`/api/projects/${p!.id}`)).milestones.find((m: any) => m.key === 'design_approved');
  ok(await delivery.post(`/api/projects/${p!.id}/milestones/${ms.id}/submit`, {}));
  project = { id: p!.id, milestoneId: ms.id };
}, 180_000);
afterAll(async () => { await t?.close(); });

// Tables a refused request must leave alone: every table, by row count and (where rows are versioned) version sum.
// Sessions, idempotency keys and rate-limit counters move with any request.
const VOLATILE = new Set(['sessions', 'login_attempts', 'idempotency_keys', 'rate_limit_windows']);
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await q<{ name: string; versioned: boolean }>(`SELECT table_name AS name, bool_or(column_name = 'version') AS versioned
    FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name ORDER BY table_name`);
  const parts = tables.filter((x) => !VOLATILE.has(x.name)).map((x) =>
    `SELECT '${x.name}' AS name, count(*)::text || '/' || ${x.versioned ? 'coalesce(sum(version), 0)::text' : "''"} AS f FROM "${x.name}"`);
  return Object.fromEntries((await q<{ name: string; f: string }>(parts.join(' UNION ALL '))).map((r) => [r.name, r.f]));
}

describe('duplicate detection across partners', () => {
  it("tells partner A nothing about partner B's lead with the same email, while staff still see the match", async () => {
    const res = await pa.post('/api/leads', { source: 'website', email: 'CIO@shared-prospect.io', firstName: 'Dup' });
    expect(res.status).toBe(201);
    expect(res.body.possibleDuplicates).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain(leadB);
    const read = await pa.get(`/api/leads/${res.body.id}`);
    expect(read.body.possibleDuplicates).toEqual([]);
    expect(JSON.stringify(read.body)).not.toContain(leadB);
    const acts = await pa.get(`/api/leads/${res.body.id}/activities`);
    expect(acts.body.items.map((a: any) => a.body ?? '').join(' ')).not.toContain('duplicate');
    const edited = await pa.patch(`/api/leads/${res.body.id}`, { version: read.body.version, title: 'CIO' });
    expect(edited.status).toBe(200);
    expect(JSON.stringify(edited.body)).not.toContain(leadB);
    expect((await pa.get(`/api/leads/${res.body.id}/duplicates`)).body.items).toEqual([]);

    // The flag is kept for staff.
    expect((await admin.get(`/api/leads/${res.body.id}`)).body.possibleDuplicates).toEqual([{ id: leadB, match: 'email' }]);
    // Within its own leads the partner is told.
    const again = await pa.post('/api/leads', { source: 'website', email: 'cio@shared-prospect.io' });
    expect(again.body.possibleDuplicates).toEqual([{ id: res.body.id, match: 'email' }]);
  });
});

describe('references in request bodies', () => {
  it("refuses an activity on partner A's account naming partner B's contact, and writes nothing", async () => {
    const before = await fingerprint();
    const res = await pa.post(`/api/accounts/${accA}/activities`, { kind: 'note', subject: 'Met them', contactId: contactB });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'contactId', message: 'not a contact of this account' }]);
    expect(await fingerprint()).toEqual(before);
    expect(await q('SELECT 1 FROM activities WHERE contact_id = $1', [contactB])).toHaveLength(0);
    // Staff, too, attach only the account's own contacts.
    expect((await sales.post(`/api/accounts/${accA}/activities`, { kind: 'note', subject: 'x', contactId: contactC })).status).toBe(422);
    expect((await pa.post(`/api/accounts/${accA}/activities`, { kind: 'note', subject: 'Met them', contactId: contactA })).status).toBe(201);
  });

  it('refuses a referral naming an account outside the partner, the same as one that does not exist', async () => {
    const foreign = await pa.post('/api/leads', { source: 'website', email: 'x@ref.io', referredByAccountId: accB });
    const missing = await pa.post('/api/leads', { source: 'website', email: 'x@ref.io', referredByAccountId: randomUUID() });
    expect([foreign.status, missing.status]).toEqual([422, 422]);
    expect(foreign.body.errors).toEqual(missing.body.errors);
    expect(foreign.body.errors).toEqual([{ path: 'referredByAccountId', message: 'no account you can see has this id' }]);
    expect(await q("SELECT 1 FROM leads WHERE email = 'x@ref.io'")).toHaveLength(0);
  });

  it('refuses a customer user as the owner of a deal, for partners and staff alike', async () => {
    for (const c of [pa, admin]) {
      const res = await c.post('/api/opportunities', { accountId: accA, name: 'Owned by a customer', ownerId: customer.user.id });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe('ownerId');
    }
    expect(await q("SELECT 1 FROM opportunities WHERE name = 'Owned by a customer'")).toHaveLength(0);
  });

  it('lets staff name only active staff of a suitable role as owners', async () => {
    const leaver = await t.login('sales');
    await q('UPDATE users SET active = false WHERE id = $1', [leaver.user.id]);
    const opp = ok(await sales.get(`/api/opportunities/${oppA}`));
    for (const [ownerId, status] of [[leaver.user.id, 422], [csm.user.id, 422], [pb.user.id, 422], [randomUUID(), 422], [pa.user.id, 200], [exec.user.id, 200]] as const) {
      const res = await admin.patch(`/api/opportunities/${oppA}`, { version: (await sales.get(`/api/opportunities/${oppA}`)).body.version, ownerId });
      expect(res.status, `${ownerId}: ${JSON.stringify(res.body)}`).toBe(status);
    }
    expect(opp.version).toBeGreaterThan(0);
    const acc = await admin.post('/api/accounts', { name: 'Owners', aeId: sales.user.id, csmId: sales.user.id, execSponsorId: csm.user.id });
    expect(acc.status).toBe(422);
    expect(acc.body.errors.map((e: any) => e.path)).toEqual(['csmId', 'execSponsorId']);
    expect((await admin.post('/api/accounts', { name: 'Owners', aeId: sales.user.id, csmId: csm.user.id, execSponsorId: exec.user.id })).status).toBe(201);
    expect((await admin.post('/api/leads/bulk', { source: 'event', campaign: 'Expo', ownerId: customer.user.id, rows: [{ email: 'b@expo.io' }] })).status).toBe(422);
    const lead = ok(await admin.post('/api/leads', { source: 'website', email: 'assign@me.io' }));
    expect((await admin.post(`/api/leads/${lead.id}/assign`, { version: lead.version, ownerId: delivery.user.id, reason: 'x' })).status).toBe(422);
    const { body: task } = await delivery.get(`/api/projects/${project.id}/tasks`);
    const first = task.items[0];
    expect((await delivery.patch(`/api/tasks/${first.id}`, { version: first.version, ownerId: customer.user.id })).status).toBe(422);
    expect((await delivery.patch(`/api/tasks/${first.id}`, { version: first.version, ownerId: csm.user.id })).status).toBe(200);
  });
});

// ---------------------------------------------------------------- the walk over every partner/customer write route

type Who = 'partner' | 'customer';
interface Case {
  who: Who;
  /** Sends the request with the field set to `value`. */
  send: (value: string | null) => Promise<Res>;
  /** Ids from another tenant (or people who may not hold the field). */
  foreign: () => string[];
  /** A value of the caller's own that the route accepts (proves the refusal is about the reference). */
  own?: () => string | null;
}

const version = async (c: Client, path: string) => ((await c.get(path)).body.version as number);
const kpisWith = async (key: 'ownerContactId' | 'ownerUserId', value: string | null) => {
  const com = (await pa.get(`/api/opportunities/${oppA}/value/commitment`)).body;
  return pa.patch(`/api/opportunities/${oppA}/value/commitment`, { version: com.version, kpis: com.kpis.map((k: any, i: number) => (i === 0 ? { ...k, [key]: value } : k)) });
};
const people = () => [customer.user.id, pb.user.id];
const accountFields = {
  aeId: () => sales.user.id, csmId: () => csm.user.id, execSponsorId: () => exec.user.id, partnerId: () => pA,
} as Record<string, () => string>;

const CASES: Record<string, Case> = {
  ...Object.fromEntries(Object.entries(accountFields).flatMap(([field, own]) => [
    [`POST /api/accounts ${field}`, {
      who: 'partner', own, foreign: () => (field === 'partnerId' ? [pB] : people()),
      send: (v) => pa.post('/api/accounts', { name: `New ${field}`, [field]: v }),
    }],
    [`POST /api/accounts/batch records[].${field}`, {
      who: 'partner', own, foreign: () => (field === 'partnerId' ? [pB] : people()),
      send: (v) => pa.post('/api/accounts/batch', { records: [{ name: `Batch ${field}`, domain: `batch-${field.toLowerCase()}.example`, [field]: v }] }),
    }],
    [`PATCH /api/accounts/:id ${field}`, {
      who: 'partner', own, foreign: () => (field === 'partnerId' ? [pB] : people()),
      send: async (v) => pa.patch(`/api/accounts/${accA}`, { version: await version(pa, `/api/accounts/${accA}`), [field]: v }),
    }],
  ])),
  'POST /api/accounts/batch records[].id': {
    who: 'partner', own: () => accA, foreign: () => [accB, accC],
    send: (v) => pa.post('/api/accounts/batch', { records: [{ id: v, name: 'Of partner A' }] }),
  },
  'POST /api/contacts/batch records[].accountId': {
    who: 'partner', own: () => accA, foreign: () => [accB, accC],
    send: (v) => pa.post('/api/contacts/batch', { records: [{ accountId: v, firstName: 'Walk', lastName: 'Batch', email: 'walk-batch@partner-a.example' }] }),
  },
  'POST /api/accounts/:id/activities contactId': {
    who: 'partner', own: () => contactA, foreign: () => [contactB, contactC],
    send: (v) => pa.post(`/api/accounts/${accA}/activities`, { kind: 'call', subject: 'Walk', contactId: v }),
  },
  'POST /api/leads ownerId': {
    who: 'partner', own: () => null, foreign: () => [...people(), sales.user.id],
    send: (v) => pa.post('/api/leads', { source: 'website', email: 'walk-owner@lead.io', ownerId: v }),
  },
  'POST /api/leads partnerId': {
    who: 'partner', own: () => pA, foreign: () => [pB],
    send: (v) => pa.post('/api/leads', { source: 'website', email: 'walk-partner@lead.io', partnerId: v }),
  },
  'POST /api/leads referredByAccountId': {
    who: 'partner', own: () => accA, foreign: () => [accB, accC],
    send: (v) => pa.post('/api/leads', { source: 'website', email: 'walk-ref@lead.io', referredByAccountId: v }),
  },
  'PATCH /api/leads/:id referredByAccountId': {
    who: 'partner', own: () => accA, foreign: () => [accB, accC],
    send: async (v) => pa.patch(`/api/leads/${leadA}`, { version: await version(pa, `/api/leads/${leadA}`), referredByAccountId: v }),
  },
  'POST /api/opportunities accountId': {
    who: 'partner', own: () => accA, foreign: () => [accB, accC],
    send: (v) => pa.post('/api/opportunities', { accountId: v, name: 'Walk deal' }),
  },
  'POST /api/opportunities ownerId': {
    who: 'partner', own: () => pa.user.id, foreign: people,
    send: (v) => pa.post('/api/opportunities', { accountId: accA, name: 'Walk deal', ownerId: v }),
  },
  'POST /api/opportunities partnerId': {
    who: 'partner', own: () => pA, foreign: () => [pB],
    send: (v) => pa.post('/api/opportunities', { accountId: accA, name: 'Walk deal', partnerId: v }),
  },
  'PATCH /api/opportunities/:id ownerId': {
    who: 'partner', own: () => sales.user.id, foreign: people,
    send: async (v) => pa.patch(`/api/opportunities/${oppA}`, { version: await version(pa, `/api/opportunities/${oppA}`), ownerId: v }),
  },
  'PATCH /api/opportunities/:id partnerId': {
    who: 'partner', own: () => pA, foreign: () => [pB],
    send: async (v) => pa.patch(`/api/opportunities/${oppA}`, { version: await version(pa, `/api/opportunities/${oppA}`), partnerId: v }),
  },
  'PATCH /api/opportunities/:id/value/commitment kpis[].ownerContactId': {
    who: 'partner', own: () => contactA, foreign: () => [contactB, contactC], send: (v) => kpisWith('ownerContactId', v),
  },
  'PATCH /api/opportunities/:id/value/commitment kpis[].ownerUserId': {
    who: 'partner', own: () => pa.user.id, foreign: people, send: (v) => kpisWith('ownerUserId', v),
  },
  // A milestone is decided once: the rejection is only refused here, the acceptance (run after it) also goes through.
  'POST /api/projects/:id/milestones/:milestoneId/reject contactId': {
    who: 'customer', foreign: () => [contactB, contactA],
    send: (v) => customer.post(`/api/projects/${project.id}/milestones/${project.milestoneId}/reject`, { contactId: v ?? undefined, comment: 'walk' }),
  },
  'POST /api/projects/:id/milestones/:milestoneId/accept contactId': {
    who: 'customer', own: () => contactC, foreign: () => [contactB, contactA],
    send: (v) => customer.post(`/api/projects/${project.id}/milestones/${project.milestoneId}/accept`, { contactId: v ?? undefined, comment: 'walk' }),
  },
};

// Id-like fields that reference no row: keys the client gives its own list items, and playbook catalogue keys.
const NOT_REFERENCES: Record<string, string[]> = {
  'POST /api/opportunities/:id/poc': ['successCriteria[].id', 'environmentChecklist[].id'],
  'PATCH /api/opportunities/:id/poc': ['successCriteria[].id', 'environmentChecklist[].id'],
  'POST /api/opportunities/:id/value/hypothesis/generate': ['painIds', 'customPains[].categoryId'],
  'PATCH /api/opportunities/:id/value/hypothesis': ['assumptions[].id', 'pains[].id'],
  'PATCH /api/opportunities/:id/value/commitment': ['kpis[].id', 'kpis[].painId', 'kpis[].categoryId', 'successCriteria[].id', 'successCriteria[].kpiId'],
};

/** "METHOD /api/path field" for every id-like body field of every write route partner or customer users may call. */
async function writeRefFields(): Promise<string[]> {
  const doc = (await (await t.request('/api/openapi.json')).json()) as any;
  const out: string[] = [];
  const walk = (s: any, path: string, key: string) => {
    if (!s || typeof s !== 'object') return;
    if (s.$ref) return walk(doc.components.schemas[s.$ref.split('/').pop()], path, key);
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(alt, path, key);
    for (const [k, v] of Object.entries<any>(s.properties ?? {})) {
      const p = path ? `${path}.${k}` : k;
      if (/(Id|Ids)$|^id$/.test(k)) out.push(`${key} ${p}`);
      walk(v, p, key);
    }
    if (s.items) walk(s.items, `${path}[]`, key);
  };
  for (const [path, ops] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      if (method === 'get') continue;
      const policy = op['x-policy'];
      const roles = policy?.roles;
      if (!roles || !(roles === 'any' || roles.includes('partner') || roles.includes('customer'))) continue;
      walk(op.requestBody?.content?.['application/json']?.schema, '', `${method.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
  }
  return out;
}

/** The error path of a case's field: `kpis[].ownerUserId` → `kpis.0.ownerUserId` (the cases edit the first item). */
const fieldPath = (name: string) => name.split(' ').at(-1)!.replace('[]', '.0');

describe('every partner and customer write route', () => {
  it('has a case for each id field that references a row', async () => {
    const fields = await writeRefFields();
    const notRefs = Object.entries(NOT_REFERENCES).flatMap(([route, fs]) => fs.map((f) => `${route} ${f}`));
    expect(fields.filter((f) => !notRefs.includes(f)).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: a foreign id is refused, changes nothing and is not echoed; the caller's own is accepted`, async () => {
      for (const value of c.foreign()) {
        const before = await fingerprint();
        const res = await c.send(value);
        expect([403, 404, 422], `${name} = ${value}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
        // A 422 names the field itself, not some other problem of the request.
        if (res.status === 422) expect(res.body.errors.map((e: any) => e.path)).toContain(fieldPath(name));
        expect(JSON.stringify(res.body)).not.toContain(value);
        expect(await fingerprint()).toEqual(before);
      }
      if (!c.own) return;
      const res = await c.send(c.own());
      expect(res.status, `${name} own: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    });
  }
});
