import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers';

let t: TestApp;
let sales: Client;
beforeAll(async () => {
  t = await createTestApp();
  sales = await t.login('sales');
});
afterAll(async () => { await t?.close(); });

const bant = { budget: true, authority: true, need: true, timelineMonths: 9, answers: { 'need.0': 'Shadow IT in three clouds', 'timeline.0': 'Before the Q3 audit' } };
const handoff = {
  requirements: 'Discover 4,000 servers across AWS and on-prem; feed ServiceNow CMDB; SOX evidence.',
  meeting: { at: '2030-05-06T09:00:00+02:00', attendees: 'CIO, head of IT ops', agenda: 'Current CMDB process, audit findings' },
  researchNotes: 'Failed SOX audit last year on asset inventory.',
};

async function qualifiedLead(extra: Record<string, unknown> = {}) {
  const { body: lead } = await sales.post('/api/leads', {
    source: 'website', firstName: 'Mette', lastName: 'Holm', email: `mette.holm@${extra.domain ?? 'vestkraft.dk'}`, title: 'CIO',
    companyName: 'Vestkraft A/S', industry: 'Energy', employees: 5200, servers: 4000, techStack: ['ServiceNow'], region: 'EMEA', country: 'DK', ...extra,
  });
  await sales.post(`/api/leads/${lead.id}/status`, { version: 1, status: 'working' });
  await sales.put(`/api/leads/${lead.id}/bant`, { version: 2, bant });
  const q = await sales.post(`/api/leads/${lead.id}/status`, { version: 3, status: 'qualified' });
  expect(q.status).toBe(200);
  return q.body;
}

const counts = async () => ({
  accounts: await t.count('accounts'), contacts: await t.count('contacts'), opportunities: await t.count('opportunities'),
  history: await t.count('opportunity_stage_history'),
});

describe('lead conversion', () => {
  it('refuses to convert a lead that is not qualified', async () => {
    const { body: lead } = await sales.post('/api/leads', { source: 'website', email: 'early@startup.io' });
    const res = await sales.post(`/api/leads/${lead.id}/convert`, { version: 1, ...handoff });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe('Only a qualified lead can be converted; this one is new.');
  });

  it('creates exactly one account, one contact and one opportunity in Discovery, with the handoff package', async () => {
    const lead = await qualifiedLead();
    const before = await counts();
    const res = await sales.post(`/api/leads/${lead.id}/convert`, { version: lead.version, amount: 12_000_000, closeDate: '2030-09-30', ...handoff });
    expect(res.status).toBe(200);
    const after = await counts();
    expect(after).toEqual({ accounts: before.accounts + 1, contacts: before.contacts + 1, opportunities: before.opportunities + 1, history: before.history + 1 });
    const { accountId, opportunityId, lead: converted } = res.body;
    expect(res.body.accountCreated).toBe(true);
    expect(converted).toMatchObject({ status: 'converted', convertedAccountId: accountId, convertedOpportunityId: opportunityId, slaDueAt: null });

    const account = await sales.get(`/api/accounts/${accountId}`);
    expect(account.body).toMatchObject({ name: 'Vestkraft A/S', domain: 'vestkraft.dk', employees: 5200, servers: 4000, lifecycleStage: 'prospect', aeId: sales.user.id });
    const contacts = await sales.get(`/api/accounts/${accountId}/contacts`);
    expect(contacts.body.items.map((c: any) => [c.firstName, c.lastName, c.email, c.isPrimary])).toEqual([['Mette', 'Holm', 'mette.holm@vestkraft.dk', true]]);
    const [opp] = await t.deps.database.query<any>('SELECT stage, amount, lead_id, account_id, source FROM opportunities WHERE id = $1', [opportunityId]);
    expect(opp).toEqual({ stage: 'discovery', amount: 12_000_000, lead_id: lead.id, account_id: accountId, source: 'website' });

    const timeline = await sales.get(`/api/accounts/${accountId}/timeline?limit=50`);
    const handoffEntry = timeline.body.items.find((i: any) => i.subject.startsWith('Handoff package'));
    expect(handoffEntry.body).toContain('Qualification form (BANT 4/4, timeline 9 months)');
    expect(handoffEntry.body).toContain('A: Shadow IT in three clouds');
    expect(handoffEntry.body).toContain('Initial requirements:\nDiscover 4,000 servers');
    expect(handoffEntry.body).toContain('Discovery meeting: 6 May 2030, 09:00 CEST with CIO, head of IT ops'); // the company's time zone, not ISO
    expect(handoffEntry.body).toContain('Background research/notes:\nFailed SOX audit');
    expect(timeline.body.items.map((i: any) => i.subject)).toEqual(expect.arrayContaining(['Discovery meeting (scheduled at qualification)', 'Opportunity opened: Vestkraft A/S: new business']));
    const [event] = await t.deps.database.query<any>(`SELECT payload FROM domain_events WHERE type = 'lead.converted' AND entity_id = $1`, [lead.id]);
    expect(event.payload).toMatchObject({ accountId, opportunityId, accountCreated: true });

    // Converting twice is refused; a converted lead is read-only.
    expect((await sales.post(`/api/leads/${lead.id}/convert`, { version: converted.version, ...handoff })).status).toBe(409);
    expect((await sales.patch(`/api/leads/${lead.id}`, { version: converted.version, title: 'x' })).status).toBe(409);
  });

  it('joins the existing account with the same domain instead of creating another', async () => {
    const existing = await t.account({ name: 'Nordhavn Shipping', domain: 'nordhavn.dk' });
    const lead = await qualifiedLead({ domain: 'nordhavn.dk', email: 'it@nordhavn.dk', companyName: 'Nordhavn Shipping A/S' });
    const before = await counts();
    const res = await sales.post(`/api/leads/${lead.id}/convert`, { version: lead.version, ...handoff, contacts: [{ firstName: 'Per', lastName: 'Dahl', email: 'per@nordhavn.dk' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accountId: existing.id, accountCreated: false });
    expect(res.body.contactIds).toHaveLength(2);
    expect(await counts()).toMatchObject({ accounts: before.accounts, contacts: before.contacts + 2, opportunities: before.opportunities + 1 });
  });

  it('rolls back entirely when any step fails', async () => {
    const lead = await qualifiedLead({ domain: 'rollback.dk', email: 'cto@rollback.dk', companyName: 'Rollback ApS' });
    const before = await counts();
    const timers = await t.count('timers');
    // Make the opportunity insert fail after the account and contact were written in the same transaction.
    await t.deps.database.exec(`CREATE FUNCTION test_fail_opp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$;
      CREATE TRIGGER test_fail_opp BEFORE INSERT ON opportunities FOR EACH ROW EXECUTE FUNCTION test_fail_opp();`);
    try {
      const res = await sales.post(`/api/leads/${lead.id}/convert`, { version: lead.version, ...handoff });
      expect(res.status).toBe(500);
    } finally {
      await t.deps.database.exec('DROP TRIGGER test_fail_opp ON opportunities; DROP FUNCTION test_fail_opp();');
    }
    expect(await counts()).toEqual(before);
    expect(await t.count(`accounts WHERE domain = 'rollback.dk'`)).toBe(0);
    expect(await t.count('timers')).toBe(timers);
    const still = await sales.get(`/api/leads/${lead.id}`);
    expect(still.body).toMatchObject({ status: 'qualified', convertedAccountId: null, version: lead.version });
    // And it converts fine afterwards.
    expect((await sales.post(`/api/leads/${lead.id}/convert`, { version: lead.version, ...handoff })).status).toBe(200);
  });

  it('validates the handoff package', async () => {
    const lead = await qualifiedLead({ domain: 'nohandoff.dk', email: 'x@nohandoff.dk' });
    const res = await sales.post(`/api/leads/${lead.id}/convert`, { version: lead.version, meeting: { at: 'tomorrow' } });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(['meeting.at', 'requirements']);
  });
});
