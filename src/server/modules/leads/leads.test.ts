import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers';

let t: TestApp;
let admin: Client;
let sdr: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  sdr = await t.login('sdr');
});
afterAll(async () => { await t?.close(); });

const bant = { budget: true, authority: true, need: true, timelineMonths: 6, answers: { 'need.0': 'No visibility of cloud assets', 'need.1': 'ServiceNow CMDB, maybe 60 % accurate', 'authority.0': 'CIO and head of IT ops' } };

async function profile(client: Client, territories: string[], verticals: string[], extra: Record<string, unknown> = {}) {
  const res = await admin.put(`/api/sales-profiles/${client.user.id}`, { territories, verticals, sizeTier: 'enterprise', capacity: 30, ...extra });
  expect(res.status).toBe(200);
}

describe('lead capture', () => {
  it('captures a lead: scored with explanations, SLA clocks started, assigned by the rules with an explanation', async () => {
    await profile(sdr, ['EMEA'], ['Financial Services']);
    const res = await admin.post('/api/leads', {
      source: 'website', firstName: 'Ingrid', lastName: 'Berg', email: 'Ingrid.Berg@NordBank.no', companyName: 'Nord Bank ASA',
      region: 'EMEA', country: 'NO', industry: 'Financial Services', employees: 7000, techStack: ['ServiceNow'], servers: 2400,
    });
    expect(res.status).toBe(201);
    const lead = res.body;
    expect(lead).toMatchObject({ status: 'new', email: 'ingrid.berg@nordbank.no', domain: 'nordbank.no', ownerId: sdr.user.id, version: 1, possibleDuplicates: [] });
    expect(lead.scoreExplanation.map((p: any) => `${p.points} ${p.explanation}`)).toEqual(['15 ServiceNow in stack', '10 1,000+ servers', '5 1,000+ employees', '15 Inbound inquiry']);
    expect(lead.fitScore).toBe(30);
    expect(lead.engagementScore).toBe(15);
    expect(lead.score).toBe(25); // ⌊(30 × 70 + 15 × 30) / 100⌋ with the default weights
    expect(lead.assignmentExplanation.text).toMatch(/^Assigned to sdr user \(\d+ points\): EMEA territory \+40, Financial Services \+30, Enterprise \(5,000\+ employees\) \+20, workload/);
    expect(new Date(lead.firstResponseDueAt).getTime()).toBeGreaterThan(new Date(lead.createdAt).getTime());
    expect(lead.slaDueAt).toBe(lead.firstResponseDueAt);
    const acts = await sdr.get(`/api/leads/${lead.id}/activities`);
    expect(acts.body.items.map((a: any) => a.subject)).toEqual(expect.arrayContaining(['Captured: entered by admin user', 'Assigned']));
    expect(await t.count(`timers WHERE entity_id = '${lead.id}' AND status = 'pending'`)).toBe(2);
    const audit = await admin.get(`/api/audit?entityType=lead&entityId=${lead.id}`);
    expect(audit.body.items.map((a: any) => a.action)).toEqual(['lead.create']);

    // Same email → flagged; same company domain → flagged too.
    const dup = await admin.post('/api/leads', { source: 'email', email: 'ingrid.berg@nordbank.no', lastName: 'Berg' });
    expect(dup.body.possibleDuplicates).toEqual([{ id: lead.id, match: 'email' }]);
    const colleague = await admin.post('/api/leads', { source: 'phone', email: 'ole@nordbank.no' });
    expect(colleague.body.possibleDuplicates.map((d: any) => d.match)).toEqual(['domain', 'domain']);
    const freeMail = await admin.post('/api/leads', { source: 'phone', email: 'someone@gmail.com' });
    expect(freeMail.body.domain).toBeNull();
  });

  it('rejects bad input with 422 and writes nothing', async () => {
    const before = await t.count('leads');
    const bad = [
      { source: 'website' }, // nothing identifying
      { source: 'carrier_pigeon', email: 'a@b.com' },
      { source: 'website', email: 'not-an-email' },
      { source: 'customer_referral', email: 'x@y.com' }, // needs the referring account
      { source: 'website', email: 'a@b.com', employees: -1 },
    ];
    for (const body of bad) expect((await admin.post('/api/leads', body)).status).toBe(422);
    expect(await t.count('leads')).toBe(before);
    const account = await t.account({ name: 'Happy Customer' });
    const ref = await admin.post('/api/leads', { source: 'customer_referral', email: 'peer@otherco.com', referredByAccountId: account.id });
    expect(ref.status).toBe(201);
    expect(ref.body.scoreExplanation.map((p: any) => p.rule)).toContain('referral');
  });

  it('bulk-captures an event list: set-based insert, per-row errors, implied engagement', async () => {
    const rows = [
      ...Array.from({ length: 120 }, (_, i) => ({ email: `attendee${i}@summit-co${i % 7}.com`, firstName: `A${i}`, companyName: `Summit Co ${i % 7}` })),
      { email: 'broken' }, { firstName: 'No identity' }, { email: 'ok@fine.io', employees: 'many' },
    ];
    const res = await admin.post('/api/leads/bulk', { source: 'webinar', campaign: 'CMDB accuracy webinar, March', rows });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 123, created: 120, failed: 3 });
    expect(res.body.errors.map((e: any) => [e.row, e.path])).toEqual([[120, 'email'], [121, 'email'], [122, 'employees']]);
    const one = await admin.get(`/api/leads/${res.body.leads[0].id}`);
    expect(one.body).toMatchObject({ source: 'webinar', campaign: 'CMDB accuracy webinar, March', engagement: { webinarAttended: 1 } });
    expect(one.body.scoreExplanation.map((p: any) => p.rule)).toContain('webinar_attended');
    // Rows of the same company in one list flag each other.
    expect(res.body.leads.filter((l: any) => l.possibleDuplicates > 0).length).toBe(113);
    const tooMany = await admin.post('/api/leads/bulk', { source: 'event', campaign: 'x', rows: Array.from({ length: 5001 }, () => ({})) });
    expect(tooMany.status).toBe(422);
  });
});

describe('qualification', () => {
  it('enforces the status machine and BANT, with playbook reasons for disqualifying', async () => {
    const { body: lead } = await sdr.post('/api/leads', { source: 'outbound', email: 'cio@fjord-log.no', companyName: 'Fjord Logistics' });
    const skip = await sdr.post(`/api/leads/${lead.id}/status`, { version: lead.version, status: 'qualified' });
    expect(skip.status).toBe(409);
    expect(skip.body.detail).toBe('A new lead can move to working or disqualified, not to qualified.');
    const working = await sdr.post(`/api/leads/${lead.id}/status`, { version: 1, status: 'working' });
    expect(working.status).toBe(200);
    expect(working.body.firstRespondedAt).toBeTruthy();
    expect(working.body.slaDueAt).toBe(working.body.qualificationDueAt);
    const notYet = await sdr.post(`/api/leads/${lead.id}/status`, { version: 2, status: 'qualified' });
    expect(notYet.status).toBe(422);
    expect(notYet.body.errors.map((e: any) => e.path)).toEqual(['bant.budget', 'bant.authority', 'bant.need', 'bant.timeline']);
    const badKey = await sdr.put(`/api/leads/${lead.id}/bant`, { version: 2, bant: { ...bant, answers: { 'need.9': 'x' } } });
    expect(badKey.status).toBe(422);
    const saved = await sdr.put(`/api/leads/${lead.id}/bant`, { version: 2, bant });
    expect(saved.status).toBe(200);
    expect(saved.body.bantCheck.ok).toBe(true);
    expect(saved.body.score).toBeGreaterThan(lead.score); // re-scored on the change
    const stale = await sdr.put(`/api/leads/${lead.id}/bant`, { version: 2, bant });
    expect(stale.status).toBe(409);
    const q = await sdr.post(`/api/leads/${lead.id}/status`, { version: 3, status: 'qualified' });
    expect(q.status).toBe(200);
    expect(q.body.slaDueAt).toBeNull();
    expect(await t.count(`timers WHERE entity_id = '${lead.id}' AND status = 'pending'`)).toBe(0);

    const { body: other } = await sdr.post('/api/leads', { source: 'outbound', email: 'x@nobudget.com' });
    expect((await sdr.post(`/api/leads/${other.id}/status`, { version: 1, status: 'disqualified' })).status).toBe(422);
    const dq = await sdr.post(`/api/leads/${other.id}/status`, { version: 1, status: 'disqualified', reason: 'no_budget' });
    expect(dq.body).toMatchObject({ status: 'disqualified', disqualificationReason: 'no_budget' });
    const acts = await sdr.get(`/api/leads/${other.id}/activities`);
    expect(acts.body.items[0]).toMatchObject({ subject: 'Status new → disqualified', body: 'Reason: No IT operations/infrastructure budget (nurture).' });
  });

  it('logging a call is the first response; touches update engagement and the score; enrichment is editable', async () => {
    const { body: lead } = await sdr.post('/api/leads', { source: 'content', email: 'ops@acme-energy.com' });
    const call = await sdr.post(`/api/leads/${lead.id}/activities`, { kind: 'call', subject: 'Intro call' });
    expect(call.status).toBe(201);
    expect(call.body.lead.firstRespondedAt).toBeTruthy();
    const meeting = await sdr.post(`/api/leads/${lead.id}/activities`, { kind: 'meeting', subject: 'Discovery booked' });
    expect(meeting.body.lead.engagement).toEqual({ contentDownloaded: 1, meetingAccepted: 1 });
    expect(meeting.body.lead.scoreExplanation.map((p: any) => p.rule)).toContain('meeting_accepted');
    const v = meeting.body.lead.version;
    const edit = await sdr.patch(`/api/leads/${lead.id}`, { version: v, techStack: ['ServiceNow', 'Splunk'], complianceFrameworks: ['SOX'], servers: 3000, hasCmdb: true, cmdbAccuracyPercent: 55 });
    expect(edit.status).toBe(200);
    expect(edit.body.fitScore).toBe(15 + 5 + 10 + 10 + 10);
    const acts = await sdr.get(`/api/leads/${lead.id}/activities?limit=2`);
    expect(acts.body.items).toHaveLength(2);
    const rest = await sdr.get(`/api/leads/${lead.id}/activities?limit=50&cursor=${acts.body.nextCursor}`);
    expect(rest.body.items.map((a: any) => a.subject)).toContain('Intro call');
  });
});

describe('duplicates and merge', () => {
  it('lists duplicates and merges: survivor keeps values, lists unioned, engagement summed, activities moved, audited', async () => {
    const { body: a } = await sdr.post('/api/leads', { source: 'website', email: 'k.lund@telco.dk', firstName: 'Karen', techStack: ['ServiceNow'], engagement: { websiteVisits: 2 } });
    const { body: b } = await sdr.post('/api/leads', { source: 'event', email: 'k.lund@telco.dk', lastName: 'Lund', phone: '+45 1234', techStack: ['Datadog'], engagement: { websiteVisits: 3 } });
    await sdr.post(`/api/leads/${b.id}/activities`, { kind: 'note', subject: 'Met at the booth' });
    const dups = await sdr.get(`/api/leads/${a.id}/duplicates`);
    expect(dups.body.items.map((d: any) => [d.id, d.match])).toEqual([[b.id, 'email']]);
    const merged = await sdr.post(`/api/leads/${b.id}/merge`, { intoId: a.id });
    expect(merged.status).toBe(200);
    expect(merged.body.lead).toMatchObject({ firstName: 'Karen', lastName: 'Lund', phone: '+45 1234', techStack: ['ServiceNow', 'Datadog'], engagement: { websiteVisits: 5, eventAttended: 1 } });
    expect(merged.body.activitiesMoved).toBeGreaterThan(1);
    expect((await sdr.get(`/api/leads/${b.id}`)).status).toBe(404);
    const [loser] = await t.deps.database.query<{ merged_into_id: string; deleted_at: Date }>(`SELECT merged_into_id, deleted_at FROM leads WHERE id = $1`, [b.id]);
    expect(loser.merged_into_id).toBe(a.id);
    expect(loser.deleted_at).toBeTruthy();
    const acts = await sdr.get(`/api/leads/${a.id}/activities?limit=100`);
    expect(acts.body.items.map((x: any) => x.subject)).toEqual(expect.arrayContaining(['Met at the booth', 'Merged duplicate: Lund']));
    const audit = await admin.get(`/api/audit?entityType=lead&entityId=${a.id}`);
    expect(audit.body.items[0].action).toBe('lead.merge');
    expect((await sdr.post(`/api/leads/${a.id}/merge`, { intoId: a.id })).status).toBe(422);
  });
});

describe('partner referrals', () => {
  it('partner users create referrals of their own partner and see nothing else (404)', async () => {
    const p1 = await t.partner();
    const partner = await t.login('partner', { partnerId: p1 });
    // A partner does not pick the owner: the playbook rules assign its referrals.
    expect((await partner.post('/api/leads', { source: 'website', email: 'buyer@partnerco.com', ownerId: sdr.user.id })).status).toBe(422);
    const mine = await partner.post('/api/leads', { source: 'website', email: 'buyer@partnerco.com', partnerId: null });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ partnerId: p1, source: 'partner_referral' });
    expect(mine.body.ownerId).not.toBe(undefined);
    const { body: internal } = await sdr.post('/api/leads', { source: 'website', email: 'secret@internal-only.com' });
    expect((await partner.get(`/api/leads/${internal.id}`)).status).toBe(404);
    expect((await partner.get(`/api/leads/${internal.id}/activities`)).status).toBe(404);
    expect((await partner.patch(`/api/leads/${internal.id}`, { version: 1, title: 'x' })).status).toBe(404);
    expect((await partner.post(`/api/leads/${internal.id}/activities`, { kind: 'note', subject: 'x' })).status).toBe(404);
    expect((await partner.post(`/api/leads/${internal.id}/convert`, {})).status).toBe(403);
    const list = await partner.get('/api/leads?limit=500');
    expect(list.body.items.map((l: any) => l.id)).toEqual([mine.body.id]);
    const inbox = await partner.get('/api/leads/inbox');
    expect(inbox.body.items.map((l: any) => l.id)).toEqual([mine.body.id]);
    expect((await partner.post('/api/leads', { source: 'website', email: 'a@b.com', partnerId: await t.partner() })).status).toBe(403);
    const customer = await t.login('customer');
    expect((await customer.get('/api/leads')).status).toBe(403);
  });
});

describe('inbox', () => {
  it('sorts by time left with keyset cursors and filters', async () => {
    const seen: string[] = [];
    const dues: number[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await admin.get(`/api/leads/inbox?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((l: any) => l.id));
      dues.push(...res.body.items.map((l: any) => new Date(l.slaDueAt).getTime()));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const [{ n }] = await t.deps.database.query<{ n: number }>('SELECT count(*)::int AS n FROM leads WHERE deleted_at IS NULL AND sla_due_at IS NOT NULL');
    expect(seen.length).toBe(n);
    const mine = await admin.get(`/api/leads/inbox?ownerId=${sdr.user.id}&status=new&source=website`);
    expect(mine.body.items.every((l: any) => l.ownerId === sdr.user.id && l.status === 'new' && l.source === 'website')).toBe(true);
    expect((await admin.get('/api/leads/inbox?cursor=garbage')).status).toBe(400);
  });
});
