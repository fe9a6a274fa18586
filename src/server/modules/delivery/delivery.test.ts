// Delivery over HTTP on a real database: closing a deal produces the 003 plan; the entry criteria gate kickoff; a
// slipping task shifts its successors; acceptance is once only, row-scoped and refused on a cancelled project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../core/playbook';
import { transaction } from '../../db/client';
import { systemCtx } from '../../http/env';
import { createTestApp, eventually, type Client, type TestApp } from '../../../../test/helpers';
import { createProjectFromContract } from './projects.service';

let t: TestApp;
let exec: Client;
let sales: Client;
let delivery: Client;
let customer: Client;
let otherCustomer: Client;
let accountId: string;
let project: any;
const d = defaultPlaybook.delivery;
const q = <T = any>(sql: string, params: unknown[] = []) => t.deps.database.query<T>(sql, params);

beforeAll(async () => {
  t = await createTestApp({ workers: true });
  [exec, sales, delivery] = [await t.login('executive'), await t.login('sales'), await t.login('delivery')];
  accountId = (await t.account({ name: 'Delivery Customer AS' })).id;
  customer = await t.login('customer', { accountId });
  otherCustomer = await t.login('customer');
  await q("INSERT INTO contacts (account_id, first_name, last_name, email) VALUES ($1, 'Ida', 'Berg', $2)", [accountId, customer.user.email]);
});
afterAll(async () => { await t?.close(); });

async function wonProject(accId: string, servicesFee: number, extra: Record<string, unknown> = {}) {
  const o = await sales.post('/api/opportunities', { accountId: accId, name: 'CMDB discovery', amount: 150_000_00, closeDate: '2030-03-15' });
  const won = await exec.post(`/api/opportunities/${o.body.id}/close-won`, { overrideReason: 'delivery test', servicesFee, startDate: '2030-04-01', ...extra });
  expect(won.status, JSON.stringify(won.body)).toBe(200);
  const list = await eventually(async () => {
    const r = await delivery.get(`/api/accounts/${accId}/projects`);
    return r.body.items?.length ? r.body.items : null;
  });
  return { contract: won.body.contract, project: (await delivery.get(`/api/projects/${list[0].id}`)).body };
}

const tickAll = async (id: string, list: string, ids: string[]) => {
  for (const item of ids) expect((await delivery.post(`/api/projects/${id}/checklists/${list}/${item}`, { done: true })).status).toBe(200);
};

describe('project from a closed deal', () => {
  it('creates the 003 plan once: 6 phases, 6 milestones at 25/25/25/20/5 % of the net fee, risks, meetings, RACI', async () => {
    const r = await wonProject(accountId, 200_000_00, { modules: ['Discovery', 'Service mapping', 'CMDB sync'] });
    project = r.project;
    expect(project).toMatchObject({ status: 'planned', weeks: 12, startDate: '2030-04-01', baselineEndDate: '2030-06-23', contractId: r.contract.id, servicesFee: 200_000_00 });
    expect(project.phases.map((p: any) => [p.key, p.startDate, p.endDate])).toEqual([
      ['kickoff', '2030-04-01', '2030-04-07'], ['planning_design', '2030-04-01', '2030-04-21'], ['integration_development', '2030-04-22', '2030-05-12'],
      ['implementation', '2030-05-13', '2030-06-09'], ['knowledge_transfer', '2030-06-10', '2030-06-23'], ['closure', '2030-06-17', '2030-06-23'],
    ]);
    expect(project.milestones.map((m: any) => [m.key, m.paymentPercent, m.amount])).toEqual([
      ['kickoff_complete', 0, 0], ['design_approved', 25, 50_000_00], ['development_complete', 25, 50_000_00],
      ['uat_complete', 25, 50_000_00], ['go_live', 20, 40_000_00], ['project_closure', 5, 10_000_00],
    ]);
    const nTasks = d.phases.reduce((s, p) => s + p.activities.reduce((x, a) => x + a.tasks.length, 0), 0);
    expect(project.progress.tasks).toBe(nTasks);
    expect(project.budgetHours).toBe(project.progress.estimateHours);
    const risks = (await delivery.get(`/api/projects/${project.id}/risks`)).body;
    expect(risks.map((x: any) => x.templateKey)).toEqual(expect.arrayContaining(d.risks.map((x) => x.id)));
    const meetings = (await delivery.get(`/api/projects/${project.id}/meetings`)).body;
    expect(meetings.map((m: any) => m.frequency).sort()).toEqual(['biweekly', 'daily', 'monthly', 'weekly']);
    expect((await delivery.get(`/api/projects/${project.id}/raci`)).body.length).toBeGreaterThanOrEqual(6);
    expect(await q("SELECT 1 FROM domain_events WHERE type = 'project.created' AND entity_id = $1", [project.id])).toHaveLength(1);
    // Idempotent: the handler running again for the same contract creates nothing.
    await transaction(t.deps.database, (tx) => createProjectFromContract(systemCtx(t.deps), tx, r.contract.id));
    expect(await q('SELECT 1 FROM projects WHERE contract_id = $1', [r.contract.id])).toHaveLength(1);
  });

  it('refuses kickoff until the entry criteria are ticked, then baselines and activates', async () => {
    const refused = await delivery.post(`/api/projects/${project.id}/kickoff`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.missing.map((m: any) => m.id)).toEqual(['kickoff_completed', 'resources_assigned', 'environment_access', 'plan_approved']);
    expect((await delivery.get(`/api/projects/${project.id}`)).body.status).toBe('planned');
    await tickAll(project.id, 'entry', ['kickoff_completed', 'resources_assigned', 'environment_access', 'plan_approved']);
    const ok = await delivery.post(`/api/projects/${project.id}/kickoff`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'active', baselineEndDate: '2030-06-23', forecastEndDate: '2030-06-23' });
    expect((await delivery.post(`/api/projects/${project.id}/kickoff`, {})).status).toBe(409);
    expect((await customer.post(`/api/projects/${project.id}/kickoff`, {})).status).toBe(403);
  });
});

describe('scheduling', () => {
  it('shifts successors, milestone forecasts and the forecast end when a task slips; refuses cycles and stale versions', async () => {
    const tasks = (await delivery.get(`/api/projects/${project.id}/tasks`)).body.items;
    const last = tasks.find((x: any) => x.title === 'Performance requirements'); // last of Solution design, ends with planning
    const next = tasks.find((x: any) => x.title === 'CMDB schema mapping'); // first of development
    expect(last.endDate).toBe('2030-04-21');
    expect(next.startDate).toBe('2030-04-22');
    const slip = await delivery.patch(`/api/tasks/${last.id}`, { version: last.version, endDate: '2030-04-26' });
    expect(slip.status, JSON.stringify(slip.body)).toBe(200);
    expect(slip.body.schedule.moved.length).toBeGreaterThan(10);
    expect(slip.body.schedule.forecastEndDate).toBe('2030-06-28');
    const moved = (await delivery.get(`/api/tasks/${next.id}`)).body;
    expect([moved.startDate, moved.baselineStartDate]).toEqual(['2030-04-27', '2030-04-22']);
    const p = (await delivery.get(`/api/projects/${project.id}`)).body;
    expect([p.forecastEndDate, p.baselineEndDate, p.slipDays]).toEqual(['2030-06-28', '2030-06-23', 5]);
    expect(p.milestones.find((m: any) => m.key === 'design_approved').forecastDate).toBe('2030-04-26');
    expect((await delivery.patch(`/api/tasks/${last.id}`, { version: last.version, title: 'x' })).status).toBe(409);
    // A dependency back from development to planning would close a cycle.
    const cyc = await delivery.post(`/api/tasks/${last.id}/dependencies`, { dependsOnId: next.id });
    expect(cyc.status).toBe(422);
    expect(cyc.body.cycle.length).toBeGreaterThan(2);
    const gantt = (await customer.get(`/api/projects/${project.id}/gantt`)).body;
    expect(gantt.phases).toHaveLength(6);
    expect(gantt.dependencies.some((x: any) => x.taskId === next.id && x.dependsOnId === last.id)).toBe(true);
    const board = (await delivery.get(`/api/projects/${project.id}/tasks?group=status`)).body;
    expect(board.columns.map((c: any) => c.status)).toEqual(['todo', 'in_progress', 'blocked', 'done']);
  });
});

describe('milestone acceptance', () => {
  it('is accepted once by the customer; a second acceptance is 409 and changes nothing; other customers see 404', async () => {
    const design = project.milestones.find((m: any) => m.key === 'design_approved');
    const early = await customer.post(`/api/projects/${project.id}/milestones/${design.id}/accept`, { comment: 'ok' });
    expect(early.status, JSON.stringify(early.body)).toBe(409); // not submitted yet
    expect((await delivery.post(`/api/projects/${project.id}/milestones/${design.id}/submit`, { comment: 'ADD attached' })).status).toBe(200);
    expect((await otherCustomer.get(`/api/projects/${project.id}`)).status).toBe(404);
    expect((await otherCustomer.post(`/api/projects/${project.id}/milestones/${design.id}/accept`, {})).status).toBe(404);
    const ok = await customer.post(`/api/projects/${project.id}/milestones/${design.id}/accept`, { comment: 'Design approved by IT' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'accepted', decisionComment: 'Design approved by IT' });
    const [event] = await q<{ payload: any }>("SELECT payload FROM domain_events WHERE type = 'milestone.accepted' AND entity_id = $1", [design.id]);
    expect(event.payload).toMatchObject({ projectId: project.id, milestoneId: design.id, contractId: project.contractId, accountId, key: 'design_approved', amount: 50_000_00, paymentPercent: 25 });
    // Billing reacts to the event: one invoice for exactly 25 % of the services fee, due 30 days after issue (Net 30).
    const inv = await eventually(async () => (await q<{ subtotal: number; issue_date: string; due_date: string }>(
      "SELECT subtotal, issue_date::text, due_date::text FROM invoices WHERE milestone_id = $1 AND status <> 'void'", [design.id]))[0]);
    expect(inv.subtotal).toBe(50_000_00);
    expect((Date.parse(inv.due_date) - Date.parse(inv.issue_date)) / 86400_000).toBe(defaultPlaybook.billing.paymentTermsDays);
    const before = await q('SELECT * FROM project_milestones WHERE id = $1', [design.id]);
    const again = await customer.post(`/api/projects/${project.id}/milestones/${design.id}/accept`, { comment: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already accepted/);
    expect(await q('SELECT * FROM project_milestones WHERE id = $1', [design.id])).toEqual(before);
    expect(await q("SELECT 1 FROM domain_events WHERE type = 'milestone.accepted' AND entity_id = $1", [design.id])).toHaveLength(1);
    expect(await q("SELECT 1 FROM invoices WHERE milestone_id = $1", [design.id])).toHaveLength(1);
    const list = (await customer.get(`/api/projects/${project.id}/milestones`)).body;
    expect(list.find((m: any) => m.id === design.id).decisions.map((x: any) => x.decision)).toEqual(['submitted', 'accepted']);
    expect(await q("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'milestone.accept'", [design.id])).toHaveLength(1);
    expect(await q("SELECT 1 FROM activities WHERE entity_id = $1 AND subject LIKE 'Milestone accepted%'", [design.id])).toHaveLength(1);
  });

  it('lets delivery record a rejection for a named contact, and refuses any acceptance on a cancelled project', async () => {
    const kick = project.milestones.find((m: any) => m.key === 'kickoff_complete');
    await delivery.post(`/api/projects/${project.id}/milestones/${kick.id}/submit`, {});
    expect((await delivery.post(`/api/projects/${project.id}/milestones/${kick.id}/reject`, { comment: 'Charter not signed' })).status).toBe(422);
    const [contact] = await q<{ id: string }>('SELECT id FROM contacts WHERE account_id = $1', [accountId]);
    const rej = await delivery.post(`/api/projects/${project.id}/milestones/${kick.id}/reject`, { comment: 'Charter not signed', contactId: contact.id });
    expect(rej.status).toBe(200);
    expect(rej.body).toMatchObject({ status: 'rejected', decidedByContactId: contact.id });

    const acc2 = (await t.account({ name: 'Cancelled Co' })).id;
    const { project: p2 } = await wonProject(acc2, 80_000_00);
    await tickAll(p2.id, 'entry', ['kickoff_completed', 'resources_assigned', 'environment_access', 'plan_approved']);
    await delivery.post(`/api/projects/${p2.id}/kickoff`, {});
    const ms = p2.milestones.find((m: any) => m.key === 'design_approved');
    await delivery.post(`/api/projects/${p2.id}/milestones/${ms.id}/submit`, {});
    expect((await exec.post(`/api/projects/${p2.id}/cancel`, { reason: 'Customer postponed the programme' })).status).toBe(200);
    const [contact2] = await q<{ id: string }>("INSERT INTO contacts (account_id, first_name, last_name) VALUES ($1, 'A', 'B') RETURNING id", [acc2]);
    const refused = await delivery.post(`/api/projects/${p2.id}/milestones/${ms.id}/accept`, { contactId: contact2.id });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/cancelled/);
    expect((await q('SELECT status FROM project_milestones WHERE id = $1', [ms.id]))[0].status).toBe('submitted');
    expect(await q("SELECT 1 FROM domain_events WHERE type = 'project.cancelled' AND entity_id = $1", [p2.id])).toHaveLength(1);
  });
});

describe('governance', () => {
  it('walks issues through the resolution steps and escalation paths; approving a change request applies hours and days', async () => {
    const issue = (await delivery.post(`/api/projects/${project.id}/issues`, { title: 'CMDB API rate limits', severity: 'high' })).body;
    expect(issue.stepLabel).toBe('Issue identification and logging');
    const adv = (await delivery.post(`/api/projects/${project.id}/issues/${issue.id}/advance`, {})).body;
    expect(adv.stepLabel).toBe('Impact assessment');
    const e1 = (await delivery.post(`/api/projects/${project.id}/issues/${issue.id}/escalate`, { topic: 'Technical issues' })).body;
    expect(e1.escalation).toMatchObject({ topic: 'Technical issues', level: 1, roleId: 'solution_architect' });
    const e2 = (await delivery.post(`/api/projects/${project.id}/issues/${issue.id}/escalate`, { topic: 'Technical issues' })).body;
    expect(e2.escalation).toMatchObject({ level: 2, roleId: 'cto' });
    expect((await delivery.post(`/api/projects/${project.id}/issues/${issue.id}/escalate`, { topic: 'Technical issues' })).status).toBe(409);
    expect((await delivery.post(`/api/projects/${project.id}/issues/${issue.id}/escalate`, { topic: 'Weather' })).status).toBe(422);
    for (let i = 0; i < 4; i++) await delivery.post(`/api/projects/${project.id}/issues/${issue.id}/advance`, { resolution: 'Batching' });
    const listed = (await delivery.get(`/api/projects/${project.id}/issues`)).body.find((x: any) => x.id === issue.id);
    expect(listed).toMatchObject({ status: 'resolved', stepLabel: 'Verification and closure' });

    const risk = (await delivery.post(`/api/projects/${project.id}/risks`, { title: 'Key SME on leave', impact: 'medium', probability: 'high' })).body;
    expect((await delivery.patch(`/api/projects/${project.id}/risks/${risk.id}`, { version: risk.version, status: 'mitigating', mitigation: 'Backup SME' })).body.status).toBe('mitigating');
    expect((await delivery.patch(`/api/projects/${project.id}/risks/${risk.id}`, { version: risk.version, status: 'closed' })).status).toBe(409);

    const before = (await delivery.get(`/api/projects/${project.id}`)).body;
    const cr = (await delivery.post(`/api/projects/${project.id}/change-requests`, { title: 'Second data centre', budgetImpactHours: 40, budgetImpactAmount: 8_000_00, timelineImpactDays: 7 })).body;
    const ok = await exec.post(`/api/projects/${project.id}/change-requests/${cr.id}/approve`, { note: 'Approved by steering' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const after = (await delivery.get(`/api/projects/${project.id}`)).body;
    expect(after.budgetHours).toBe(before.budgetHours + 40);
    expect(after.forecastEndDate).toBe('2030-07-05'); // 2030-06-28 + 7 days
    expect((await exec.post(`/api/projects/${project.id}/change-requests/${cr.id}/approve`, {})).status).toBe(409);
    const changeTasks = (await delivery.get(`/api/projects/${project.id}/tasks?kind=change`)).body.items;
    expect(changeTasks).toHaveLength(1);
    expect(changeTasks[0]).toMatchObject({ estimateHours: 40, sourceType: 'change_request', sourceId: cr.id });
  });

  it('serves the meetings and milestones as an RFC 5545 calendar', async () => {
    const res = await t.request(`/api/projects/${project.id}/calendar.ics`, { headers: { cookie: '' } });
    expect(res.status).toBe(401);
    const r = await customer.raw(`/api/projects/${project.id}/calendar.ics`, { method: 'GET' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = r.body as string;
    expect(text.endsWith('\r\n')).toBe(true);
    const physical = text.slice(0, -2).split('\r\n');
    for (const line of physical) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    // Unfold (RFC 5545 §3.1) and parse into components.
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
    const events: Record<string, string>[] = [];
    let cur: Record<string, string> | null = null;
    for (const line of lines) {
      if (line === 'BEGIN:VEVENT') cur = {};
      else if (line === 'END:VEVENT') { events.push(cur!); cur = null; } else if (cur) {
        const i = line.indexOf(':');
        cur[line.slice(0, i)] = line.slice(i + 1);
      }
    }
    const recurring = events.filter((e) => e.RRULE);
    expect(recurring.map((e) => e.RRULE.split(';')[0]).sort()).toEqual(['FREQ=DAILY', 'FREQ=MONTHLY', 'FREQ=WEEKLY', 'FREQ=WEEKLY']);
    expect(recurring.find((e) => e.RRULE.includes('INTERVAL=2'))).toBeDefined();
    for (const e of recurring) expect(e.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
    const milestoneEvents = events.filter((e) => e['DTSTART;VALUE=DATE']);
    expect(milestoneEvents).toHaveLength(6);
    expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
  });
});

describe('status reports and metrics', () => {
  it('generates, edits, refreshes, sends and prints the weekly report', async () => {
    const created = await delivery.post(`/api/projects/${project.id}/status-reports`, { weekOf: '2030-04-24' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const rep = created.body;
    expect(rep.weekOf).toBe('2030-04-22');
    expect(rep.content.progress.phases).toHaveLength(6);
    expect(rep.content.milestones.find((m: any) => m.key === 'design_approved').status).toBe('accepted');
    expect(rep.content.timeline).toMatchObject({ baselineEndDate: '2030-06-23', forecastEndDate: '2030-07-05', slipDays: 12 });
    expect(rep.overall).toBe('amber');
    expect(rep.content.kpis).toEqual([]);
    expect((await customer.get(`/api/projects/${project.id}/status-reports`)).body).toEqual([]);
    const edited = await delivery.patch(`/api/projects/${project.id}/status-reports/${rep.id}`, { version: rep.version, summary: 'Design approved; development under way.', overall: 'green' });
    expect(edited.status).toBe(200);
    const again = await delivery.post(`/api/projects/${project.id}/status-reports`, { weekOf: '2030-04-22' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: rep.id, summary: 'Design approved; development under way.', overall: 'green' });
    expect((await delivery.post(`/api/projects/${project.id}/status-reports/${rep.id}/send`, {})).status).toBe(200);
    expect((await delivery.post(`/api/projects/${project.id}/status-reports`, { weekOf: '2030-04-22' })).status).toBe(409);
    expect((await delivery.patch(`/api/projects/${project.id}/status-reports/${rep.id}`, { version: again.body.version + 1, summary: 'x' })).status).toBe(409);
    expect((await customer.get(`/api/projects/${project.id}/status-reports`)).body.map((x: any) => x.id)).toEqual([rep.id]);
    const res = await customer.raw(`/api/projects/${project.id}/status-reports/${rep.id}/report.pdf`, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(String(res.body).slice(0, 5)).toBe('%PDF-');
  });

  it('computes budget adherence and the other metrics against the playbook targets', async () => {
    const tasks = (await delivery.get(`/api/projects/${project.id}/tasks?kind=plan`)).body.items;
    const [a, b] = [tasks.find((x: any) => x.title === 'Delivery team roles'), tasks.find((x: any) => x.title === 'Customer team roles')];
    expect([a.estimateHours, b.estimateHours]).toEqual([6, 11]);
    // Done: planned 6 + 11 = 17 h; actual 7 + 10.5 = 17.5 h → (17.5 − 17) / 17 = +2.94 % (within ±5 %).
    await delivery.patch(`/api/tasks/${a.id}`, { version: a.version, status: 'done', actualHours: 7, completedOn: a.endDate });
    await delivery.patch(`/api/tasks/${b.id}`, { version: b.version, status: 'done', actualHours: 10.5, completedOn: b.endDate });
    let m = (await delivery.get(`/api/projects/${project.id}/metrics`)).body.metrics;
    const by = (key: string) => m.find((x: any) => x.key === key);
    expect(by('budget_variance')).toMatchObject({ value: 2.94, target: 5, status: 'on_target' });
    const c = tasks.find((x: any) => x.title === 'Escalation paths');
    expect(c.estimateHours).toBe(11);
    // Adding a done task planned 11 h, used 15 h: (32.5 − 28) / 28 = +16.07 %.
    await delivery.patch(`/api/tasks/${c.id}`, { version: c.version, status: 'done', actualHours: 15, completedOn: c.endDate });
    expect((await delivery.post(`/api/projects/${project.id}/metrics/discovery_coverage`, { value: 96.5 })).status).toBe(201);
    expect((await delivery.post(`/api/projects/${project.id}/metrics/cmdb_accuracy`, { value: 97.2 })).status).toBe(201);
    expect((await delivery.post(`/api/projects/${project.id}/metrics/integration_uptime`, { value: 99.95 })).status).toBe(201);
    expect((await delivery.post(`/api/projects/${project.id}/metrics/on_time_delivery`, { value: 1 })).status).toBe(422);
    m = (await customer.get(`/api/projects/${project.id}/metrics`)).body.metrics;
    expect(by('budget_variance')).toMatchObject({ value: 16.07, status: 'off_target' });
    expect(by('discovery_coverage')).toMatchObject({ value: 96.5, target: 95, status: 'on_target' });
    expect(by('cmdb_accuracy')).toMatchObject({ value: 97.2, target: 98, status: 'off_target' });
    expect(by('integration_uptime')).toMatchObject({ value: 99.95, target: 99.9, status: 'on_target' });
    expect(by('critical_issues_at_go_live').status).toBe('no_data');
    // Design approved (planned 2030-04-21) was accepted today, long before: on time; nothing else is due in 2030 yet.
    expect(by('on_time_delivery')).toMatchObject({ value: 100, status: 'on_target' });
  });
});

describe('go-live, hypercare, closure', () => {
  it('gates go-live on the milestones before it, the checklist and rollback readiness, ends hypercare by timer, closes with the handoff', async () => {
    // Design approved is accepted; kickoff was rejected, development and UAT are not signed off yet.
    const held = ['milestone_kickoff_complete', 'milestone_development_complete', 'milestone_uat_complete'];
    expect((await delivery.get(`/api/projects/${project.id}`)).body.checklists.goLive.blockedBy.map((x: any) => x.id)).toEqual(held);
    const refused = await delivery.post(`/api/projects/${project.id}/go-live`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.missing.map((x: any) => x.id)).toEqual([...held, 'go_live_preparation', 'production_deployment', 'data_migration', 'cutover_execution', 'rollback_ready']);
    await tickAll(project.id, 'go_live', ['go_live_preparation', 'production_deployment', 'data_migration', 'cutover_execution', 'rollback_ready']);
    const early = await delivery.post(`/api/projects/${project.id}/go-live`, {});
    expect(early.status).toBe(422);
    expect(early.body.detail).toBe('Go-live needs the milestones before it accepted, the go-live checklist and rollback readiness: missing '
      + 'Kickoff complete accepted by the customer, Development complete accepted by the customer, UAT complete accepted by the customer.');
    expect(early.body.errors[2]).toEqual({ path: 'milestones.uat_complete', message: 'not accepted by the customer yet' });
    expect((await delivery.get(`/api/projects/${project.id}`)).body.status).toBe('active');
    for (const key of ['kickoff_complete', 'development_complete', 'uat_complete']) {
      const ms = project.milestones.find((m: any) => m.key === key);
      expect((await delivery.post(`/api/projects/${project.id}/milestones/${ms.id}/submit`, {})).status).toBe(200);
      expect((await customer.post(`/api/projects/${project.id}/milestones/${ms.id}/accept`, { comment: 'Signed off' })).status).toBe(200);
    }
    expect((await delivery.get(`/api/projects/${project.id}`)).body.checklists.goLive.blockedBy).toEqual([]);
    const live = await delivery.post(`/api/projects/${project.id}/go-live`, {});
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    expect(live.body).toMatchObject({ status: 'hypercare', criticalIssuesAtGoLive: 0, closureReady: false });
    expect(Math.round((Date.parse(live.body.hypercareEndsAt) - Date.parse(live.body.goLiveAt)) / 86400_000)).toBe(7 * d.hypercareWeeks);
    const goLiveMs = (await delivery.get(`/api/projects/${project.id}/milestones`)).body.find((x: any) => x.key === 'go_live');
    expect(goLiveMs.status).toBe('submitted');
    const [timer] = await q<{ id: string }>("SELECT id FROM timers WHERE entity_id = $1 AND kind = 'project.hypercare_end' AND status = 'pending'", [project.id]);
    expect(timer).toBeDefined();
    // Fire the hypercare timer now instead of in two weeks.
    await q("UPDATE timers SET due_at = now() WHERE id = $1", [timer.id]);
    await q("UPDATE projects SET hypercare_ends_at = now() - interval '1 second' WHERE id = $1", [project.id]);
    const { fireTimerJob } = await import('../../jobs/timers');
    await fireTimerJob.handle(t.deps, { timerId: timer.id }, { id: 'test', retryCount: 0 });
    const ready = (await delivery.get(`/api/projects/${project.id}`)).body;
    expect(ready.closureReady).toBe(true);
    expect(ready.checklists.exit.items.find((x: any) => x.id === 'go_live_successful').done).toBe(true);
    expect(await q("SELECT 1 FROM domain_events WHERE type = 'project.hypercare_ended' AND entity_id = $1", [project.id])).toHaveLength(1);

    const close = { lessonsLearned: 'Start the CMDB mapping in week 1.', csatScore: 4.6, qualityScore: 88 };
    const notYet = await delivery.post(`/api/projects/${project.id}/close`, close);
    expect(notYet.status).toBe(422);
    expect(notYet.body.missing.map((x: any) => x.id)).toEqual(['deliverables_accepted', 'success_criteria_achieved', 'training_completed', 'documentation_delivered', 'customer_signoff']);
    await tickAll(project.id, 'exit', ['deliverables_accepted', 'success_criteria_achieved', 'training_completed', 'documentation_delivered', 'customer_signoff']);
    expect((await delivery.post(`/api/projects/${project.id}/close`, { ...close, csatScore: 6 })).status).toBe(422);
    const closed = await delivery.post(`/api/projects/${project.id}/close`, close);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', csatScore: 4.6, lessonsLearned: close.lessonsLearned });
    expect(Object.keys(closed.body.handoffChecks).sort()).toEqual(d.handoff.items.map((i) => i.id).sort());
    const types = (await q<{ type: string }>("SELECT type FROM domain_events WHERE entity_id = $1 AND type LIKE 'project.%' ORDER BY id", [project.id])).map((x) => x.type);
    expect(types).toEqual(expect.arrayContaining(['project.created', 'project.kicked_off', 'project.go_live', 'project.hypercare_ended', 'project.closed', 'project.handoff']));
    expect((await delivery.patch(`/api/tasks/${(await delivery.get(`/api/projects/${project.id}/tasks`)).body.items[0].id}`, { version: 1, title: 'x' })).status).toBe(409);
    const metrics = (await delivery.get(`/api/projects/${project.id}/metrics`)).body.metrics;
    expect(metrics.find((x: any) => x.key === 'quality_score')).toMatchObject({ value: 4.4, status: 'on_target' });
    expect(metrics.find((x: any) => x.key === 'critical_issues_at_go_live')).toMatchObject({ value: 0, status: 'on_target' });
  });
});

describe('tasks and load', () => {
  it('lists my tasks, creates tasks after others, and reports hours per owner and week', async () => {
    const acc = (await t.account({ name: 'Load Co' })).id;
    const { project: p3 } = await wonProject(acc, 50_000_00);
    const tasks = (await delivery.get(`/api/projects/${p3.id}/tasks`)).body.items;
    const first = tasks[0];
    await delivery.patch(`/api/tasks/${first.id}`, { version: first.version, ownerId: delivery.user.id });
    const created = await delivery.post(`/api/projects/${p3.id}/tasks`, {
      title: 'Extra workshop', estimateHours: 16, ownerId: delivery.user.id, startDate: first.startDate, dependsOn: [{ taskId: first.id, lagDays: 1 }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.startDate).toBe(new Date(Date.parse(first.endDate) + 2 * 86400_000).toISOString().slice(0, 10));
    const mine = (await delivery.get('/api/tasks')).body.items;
    expect(mine.map((x: any) => x.id)).toEqual(expect.arrayContaining([first.id, created.body.id]));
    const load = (await delivery.get(`/api/tasks/load?from=${p3.startDate}&weeks=4&projectId=${p3.id}`)).body;
    const row = load.rows.find((r: any) => r.ownerId === delivery.user.id);
    expect(row.totalHours).toBe(first.estimateHours + 16);
    expect(row.ownerName).toBe('delivery user');
    expect(load.rows.find((r: any) => r.ownerId === null).totalHours).toBeGreaterThan(0);
    expect((await customer.get('/api/tasks/load')).status).toBe(403);
    const removed = await delivery.del(`/api/tasks/${created.body.id}/dependencies/${first.id}`);
    expect(removed.status).toBe(204);
  });
});

describe('row scope', () => {
  it('shows partner users only their partner\'s projects', async () => {
    const partnerId = await t.partner();
    const acc = (await t.account({ name: 'Partner Customer AS', partnerId })).id;
    const o = await sales.post('/api/opportunities', { accountId: acc, name: 'Partner deal', amount: 90_000_00, closeDate: '2030-03-15', partnerId });
    expect((await exec.post(`/api/opportunities/${o.body.id}/close-won`, { overrideReason: 'scope test', servicesFee: 40_000_00 })).status).toBe(200);
    const mine = await t.login('partner', { partnerId });
    const other = await t.login('partner');
    const listed = await eventually(async () => ((await mine.get('/api/projects')).body.items ?? []).find((x: any) => x.accountId === acc));
    expect(listed.partnerId).toBe(partnerId);
    expect((await mine.get(`/api/projects/${listed.id}`)).status).toBe(200);
    expect((await other.get(`/api/projects/${listed.id}`)).status).toBe(404);
    expect((await other.get('/api/projects')).body.items).toEqual([]);
    expect((await mine.post(`/api/projects/${listed.id}/kickoff`, {})).status).toBe(403);
  });
});

describe('portfolio reads', () => {
  it('lists open projects with hours progress and the next milestone, and the due milestones and open risks across them', async () => {
    const acc = (await t.account({ name: 'Portfolio Co' })).id;
    const { project: p4 } = await wonProject(acc, 60_000_00);
    await tickAll(p4.id, 'entry', ['kickoff_completed', 'resources_assigned', 'environment_access', 'plan_approved']);
    expect((await delivery.post(`/api/projects/${p4.id}/kickoff`, {})).status).toBe(200);
    const tasks = (await delivery.get(`/api/projects/${p4.id}/tasks`)).body.items as any[];
    const done = tasks[0];
    const marked = await delivery.patch(`/api/tasks/${done.id}`, { version: done.version, status: 'done' });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const total = tasks.reduce((s, x) => s + x.estimateHours, 0);
    const row = (await delivery.get(`/api/accounts/${acc}/projects`)).body.items[0];
    expect(row.percentDone).toBe(Math.round((1000 * done.estimateHours) / total) / 10);
    expect(row.percentDone).toBe((await delivery.get(`/api/projects/${p4.id}`)).body.progress.percentDone);
    expect(row.nextMilestone).toMatchObject({ name: d.milestones[0].name, status: 'pending' });

    const ms = (await delivery.get(`/api/projects/${p4.id}/milestones`)).body;
    const design = (Array.isArray(ms) ? ms : ms.items).find((m: any) => m.key === 'design_approved');
    const submitted = await delivery.post(`/api/projects/${p4.id}/milestones/${design.id}/submit`, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const overview = (await delivery.get('/api/projects/overview?days=0')).body;
    expect(overview.milestones.filter((m: any) => m.projectId === p4.id).map((m: any) => [m.key, m.status])).toEqual([['design_approved', 'submitted']]);
    const risks = overview.risks.filter((r: any) => r.projectId === p4.id);
    expect(risks.map((r: any) => r.templateKey).sort()).toEqual(d.risks.map((r) => r.id).sort());
    expect(risks[0].projectName).toBe(p4.name);
    // Another customer's user sees nothing of it; the KPI list over open projects needs no account or project id.
    expect((await otherCustomer.get('/api/projects/overview')).body.milestones.some((m: any) => m.projectId === p4.id)).toBe(false);
    expect((await delivery.get('/api/kpis?openProjects=true&measurements=0')).status).toBe(200);
    expect((await delivery.get('/api/kpis')).status).toBe(422);
  });
});
