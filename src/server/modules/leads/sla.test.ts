// SLA timers firing for real (workers on) with a playbook whose SLAs last seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type Client, type TestApp } from '../../../../test/helpers';
import { formatInstant } from '../../../core/calendar/format';
import type { Playbook } from '../../../core/playbook';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ workers: true });
  admin = await t.login('admin');
  const current = await admin.get('/api/playbook');
  const pb = structuredClone(current.body.playbook) as Playbook;
  // 3.6 s to respond, 9 s to qualify, escalations 0 / 1.8 / 3.6 s after the breach, on the wall clock.
  pb.leads.sla = { firstResponseHours: 0.001, firstResponseTargetBusinessHours: 0.0005, qualificationHours: 0.0025, clock: 'calendar' };
  pb.leads.slaEscalation = [{ roleId: 'sdr_manager', hoursAfterBreach: 0 }, { roleId: 'sales_manager', hoursAfterBreach: 0.0005 }, { roleId: 'vp_sales', hoursAfterBreach: 0.001 }];
  const put = await admin.put('/api/playbook', { baseVersion: current.body.version, playbook: pb, note: 'short SLAs for the test' });
  expect(put.status).toBe(200);
});
afterAll(async () => { await t?.close(); });

const subjects = async (id: string): Promise<string[]> => (await admin.get(`/api/leads/${id}/activities?limit=100`)).body.items.map((a: any) => a.subject as string).reverse();
const events = async (id: string) => (await t.deps.database.query<{ type: string; payload: any }>(
  `SELECT type, payload FROM domain_events WHERE entity_id = $1 AND type LIKE 'lead.sla%' OR entity_id = $1 AND type = 'lead.escalated' ORDER BY id`, [id]));

describe('lead SLA timers', () => {
  it('warns, breaches and escalates along the playbook path; responding stops the first-response clock', async () => {
    const { body: ignored } = await admin.post('/api/leads', { source: 'website', email: 'waiting@slow.io', ownerId: admin.user.id });
    const { body: answered } = await admin.post('/api/leads', { source: 'website', email: 'answered@fast.io', ownerId: admin.user.id });
    const { body: dropped } = await admin.post('/api/leads', { source: 'website', email: 'dropped@fast.io', ownerId: admin.user.id });
    const created = new Date(ignored.createdAt).getTime();
    expect(new Date(ignored.firstResponseDueAt).getTime() - created).toBe(3600);
    expect(new Date(ignored.qualificationDueAt).getTime() - created).toBe(9000);
    expect((await admin.post(`/api/leads/${answered.id}/activities`, { kind: 'call', subject: 'Called back' })).status).toBe(201);
    expect((await admin.post(`/api/leads/${dropped.id}/status`, { version: 1, status: 'disqualified', reason: 'no_need' })).status).toBe(200);

    const fr = await eventually(async () => {
      const s = await subjects(ignored.id);
      return s.filter((x) => x.startsWith('First response SLA')).length >= 5 ? s : null;
    }, 30_000);
    expect(fr!.filter((x) => x.startsWith('First response SLA')).map((x) => x.replace(/ \(?(was )?due .*$/, ''))).toEqual([
      'First response SLA warning:', 'First response SLA breached', 'First response SLA escalated to SDR manager (level 1)',
      'First response SLA escalated to Sales manager (level 2)', 'First response SLA escalated to VP sales (level 3)',
    ]);
    // The due time reads in the company's time zone, never as an ISO string.
    const tz = (await admin.get('/api/playbook')).body.playbook.calendar.timeZone;
    expect(fr).toContain(`First response SLA breached (was due ${formatInstant(new Date(ignored.firstResponseDueAt), tz)})`);
    expect(fr!.filter((x) => /\d{4}-\d\d-\d\dT/.test(x))).toEqual([]);
    const lead = (await admin.get(`/api/leads/${ignored.id}`)).body;
    expect(lead.slaBreachedAt).toBeTruthy();
    expect(lead.escalationLevel).toBe(3);
    const ev = await events(ignored.id);
    expect(ev.filter((e) => e.payload.clock === 'first_response').map((e) => e.type)).toEqual([
      'lead.sla_warning', 'lead.sla_breached', 'lead.escalated', 'lead.escalated', 'lead.escalated',
    ]);
    expect(ev.filter((e) => e.type === 'lead.escalated').map((e) => e.payload.roleId).slice(0, 3)).toEqual(['sdr_manager', 'sales_manager', 'vp_sales']);
    const breach = ev.find((e) => e.type === 'lead.sla_breached')!;
    expect(breach.payload.dueAt).toBe(ignored.firstResponseDueAt);

    // The answered lead: no first-response alarms, but its qualification clock runs on and breaches.
    const q = await eventually(async () => {
      const s = await subjects(answered.id);
      return s.some((x) => x.startsWith('Qualification SLA breached')) ? s : null;
    }, 30_000);
    expect(q!.some((x) => x.startsWith('First response SLA'))).toBe(false);
    expect(q!).toContain('First response');
    // The disqualified lead: both clocks stopped, nothing fired, no timers left.
    expect((await subjects(dropped.id)).some((x) => x.includes('SLA'))).toBe(false);
    expect(await t.count(`timers WHERE entity_id = '${dropped.id}' AND status = 'pending'`)).toBe(0);
    // The inbox lists the leads with running clocks, most urgent (already breached) first.
    const inbox = await admin.get('/api/leads/inbox');
    expect(inbox.body.items.map((l: any) => l.id)).toEqual([ignored.id, answered.id]); // due at +3.6 s (first response), then +9 s (qualification)
  }, 60_000);
});
