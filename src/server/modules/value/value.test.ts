import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers';
import { pdfText } from '../../../../test/pdf-text';
import { transaction } from '../../db/client';
import { leads } from '../../db/schema';
import { systemCtx } from '../../http/env';
import { openOpportunity } from '../pipeline/opportunities.service';
import { defaultPlaybook } from '../../../core/playbook';
import { buildHypothesis, computeHypothesis } from '../../../core/value';
import { renderProposalPdf } from './proposal-pdf';
import { commitmentFor } from './value.service';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const PROFILE = { servers: 2000, complianceFrameworks: ['ISO 27001', 'NIS2'], employees: 5000, segment: 'standard' as const };

async function opportunity(input: { accountId: string; amount?: number; closeDate?: string | null; partnerId?: string | null }) {
  return transaction(t.deps.database, (tx) => openOpportunity(systemCtx(t.deps), tx, {
    name: 'Discovery platform rollout', amount: 12_000_000, closeDate: '2030-06-30', ...input,
  }));
}
const setStage = (id: string, stage: string) => t.deps.database.query('UPDATE opportunities SET stage = $2 WHERE id = $1', [id, stage]);
const count = async (sql: string, params: unknown[]) => (await t.deps.database.query<{ n: number }>(sql, params))[0].n;

describe('value hypothesis (Value Architect)', () => {
  it('generates the hypothesis with the hand-computed numbers, stores an artifact, audits and logs it', async () => {
    const sales = await t.login('sales');
    const acc = await t.account({ name: 'Fjord Logistics AS', ...PROFILE });
    const opp = await opportunity({ accountId: acc.id });
    expect((await sales.get(`/api/opportunities/${opp.id}/value/hypothesis`)).status).toBe(404);
    expect((await sales.get(`/api/opportunities/${opp.id}/value`)).body).toMatchObject({ hypothesis: null, commitment: null, account: { name: 'Fjord Logistics AS' } });

    const res = await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, { notes: { audit_findings: 'NIS2 audit found 4 unknown servers' } });
    expect(res.status).toBe(201);
    const h = res.body;
    expect(h).toMatchObject({ status: 'draft', version: 1, annualBenefit: 49_770_400, totalBenefits: 137_864_008, totalCosts: 42_000_000, npv: 74_538_634, roiPercent: 228.2, paybackMonths: 5.6, currency: 'USD' });
    expect(h.results.pains.filter((p: any) => p.selected)).toHaveLength(5);
    expect(h.model.pains.find((p: any) => p.id === 'audit_findings').note).toBe('NIS2 audit found 4 unknown servers');
    expect(h.narrative).toContain('Fjord Logistics AS');

    const arts = await sales.get(`/api/opportunities/${opp.id}/value/artifacts`);
    expect(arts.body.items).toHaveLength(1);
    expect(arts.body.items[0]).toMatchObject({ id: h.artifactId, agent: 'architect', status: 'draft', entityType: 'value_hypothesis', entityId: h.id, createdBy: sales.user.id });
    expect(arts.body.items[0].inputs.account).toMatchObject({ servers: 2000, complianceFrameworks: ['ISO 27001', 'NIS2'] });
    expect(arts.body.items[0].outputs.npv).toBe(74_538_634);
    expect(arts.body.items[0].narrative).toContain("We've identified $1,003,200 a year");

    const admin = await t.login('admin');
    const audit = await admin.get(`/api/audit?entityType=value_hypothesis&entityId=${h.id}`);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['value_hypothesis.generate']);
    const timeline = await sales.get(`/api/accounts/${acc.id}/timeline`);
    expect(timeline.body.items.map((i: any) => i.subject)).toContain('Value hypothesis generated: Discovery platform rollout');
    // One value graph per account.
    expect(await count('SELECT count(*)::int AS n FROM value_graphs WHERE account_id = $1', [acc.id])).toBe(1);
  });

  it('recomputes on assumption edits, guards versions, refuses bad input without writing, and audits acceptance', async () => {
    const sales = await t.login('sales');
    const acc = await t.account({ name: 'Edit Co', ...PROFILE });
    const opp = await opportunity({ accountId: acc.id });
    const gen = await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, { painIds: ['manual_cmdb_upkeep'] });
    expect(gen.body.annualBenefit).toBe(7_670_400);

    const edited = await sales.patch(`/api/opportunities/${opp.id}/value/hypothesis`, {
      version: 1, assumptions: [{ id: 'annual_subscription', value: 5_000_000 }, { id: 'implementation_cost', value: 2_500_000 }, { id: 'first_year_realization', value: 75 }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, totalCosts: 17_500_000, roiPercent: 20.5, npv: 1_154_191, paybackMonths: 22.6 });
    expect(edited.body.model.assumptions.find((a: any) => a.id === 'annual_subscription')).toMatchObject({ source: 'user', defaultValue: 12_000_000 });

    const stale = await sales.patch(`/api/opportunities/${opp.id}/value/hypothesis`, { version: 1, assumptions: [{ id: 'servers', value: 1 }] });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const bad = await sales.patch(`/api/opportunities/${opp.id}/value/hypothesis`, { version: 2, assumptions: [{ id: 'processing_time_reduction', value: 140 }, { id: 'nope', value: 1 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(['assumptions.0.value', 'assumptions.1.id']);
    const shape = await sales.patch(`/api/opportunities/${opp.id}/value/hypothesis`, { version: 2, assumptions: 'lots' });
    expect(shape.status).toBe(422);
    expect((await sales.get(`/api/opportunities/${opp.id}/value/hypothesis`)).body).toMatchObject({ version: 2, npv: 1_154_191 });

    const sdr = await t.login('sdr');
    expect((await sdr.post(`/api/opportunities/${opp.id}/value/hypothesis/accept`, { version: 2 })).status).toBe(403);
    const accepted = await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/accept`, { version: 2 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedBy: sales.user.id, version: 3 });
    expect((await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/accept`, { version: 3 })).status).toBe(409);
    const art = (await sales.get(`/api/opportunities/${opp.id}/value/artifacts`)).body.items[0];
    expect(art).toMatchObject({ status: 'accepted', acceptedBy: sales.user.id });

    // Editing an accepted business case sends it back to draft.
    const again = await sales.patch(`/api/opportunities/${opp.id}/value/hypothesis`, { version: 3, reset: ['annual_subscription'] });
    expect(again.body).toMatchObject({ status: 'draft', acceptedBy: null, totalCosts: 2_500_000 + 3 * 12_000_000 });

    const admin = await t.login('admin');
    const audit = await admin.get(`/api/audit?entityType=value_hypothesis&entityId=${gen.body.id}`);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['value_hypothesis.update', 'value_hypothesis.accept', 'value_hypothesis.update', 'value_hypothesis.generate']);
    expect(audit.body.items[2]).toMatchObject({ before: { npv: -21_355_108 }, after: { npv: 1_154_191, assumptions: { annual_subscription: 5_000_000 } } });
    const artAudit = await admin.get(`/api/audit?entityType=agent_artifact&entityId=${art.id}`);
    expect(artAudit.body.items.map((e: any) => e.action)).toEqual(['agent_artifact.accept']);
  });

  it('refuses unknown pains with 422 and writes nothing', async () => {
    const sales = await t.login('sales');
    const acc = await t.account({ name: 'Nothing Written', ...PROFILE });
    const opp = await opportunity({ accountId: acc.id });
    const before = await t.count('agent_artifacts');
    const res = await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, { painIds: ['world_peace'] });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('painIds.0');
    expect(await t.count('agent_artifacts')).toBe(before);
    expect(await count('SELECT count(*)::int AS n FROM value_graphs WHERE account_id = $1', [acc.id])).toBe(0);
    expect((await sales.post('/api/opportunities/00000000-0000-4000-8000-000000000000/value/hypothesis/generate', {})).status).toBe(404);
  });

  it('renders the proposal PDF with the account name in its text', async () => {
    const sales = await t.login('sales');
    const acc = await t.account({ name: 'Nordlys Energi ASA', ...PROFILE });
    const opp = await opportunity({ accountId: acc.id });
    const none = await sales.get(`/api/opportunities/${opp.id}/value/proposal.pdf`);
    expect(none.status).toBe(409);
    await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, {});
    // Raw bytes through an API token (the JSON test client decodes bodies as text).
    const admin = await t.login('admin');
    const token = (await admin.post('/api/tokens', { name: 'pdf', scopes: ['value:read'] })).body.token;
    const res = await t.request(`/api/opportunities/${opp.id}/value/proposal.pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('business-case-nordlys-energi-asa.pdf');
    const buf = Buffer.from(await res.arrayBuffer());
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(buf.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(buf.length).toBeGreaterThan(5_000);
    const text = pdfText(buf);
    expect(text).toContain('Nordlys Energi ASA');
    expect(text).toContain('$497,704'); // annual benefit
    expect(text).toContain('Assumptions');
  });

  it('falls back to the built-in Latin font when no TTF is available', async () => {
    const model = buildHypothesis({ account: { name: 'Ærø Ferries', industry: null, employees: 800, servers: 900, cloudResources: 0, networkDevices: 0, complianceFrameworks: [], techStack: [] }, opportunity: { amount: 5_000_000, currency: 'EUR' }, playbook: defaultPlaybook, discovery: {} });
    const results = computeHypothesis(model);
    const pdf = await renderProposalPdf({ accountName: 'Ærø Ferries', opportunityName: 'Fleet CMDB', stage: 'proposal', closeDate: null, date: new Date('2026-11-22'), status: 'draft', model, results, narrative: 'Narrative', kpis: [], successCriteria: [{ id: 's', label: 'Audit findings ≤ 2 a year', kpiId: null }], seller: defaultPlaybook.company }, { embedFont: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Ærø Ferries'); // Latin-1 letters are in Helvetica's WinAnsi encoding
    expect(text).toContain('Audit findings <= 2 a year'); // symbols outside it are spelled out
    expect(text).toContain('€');
  });
});

describe('value commitment (Value Committer) and artifacts', () => {
  it('commits KPIs at negotiation only, validates edits, accepts, and exposes them to the contract', async () => {
    const sales = await t.login('sales');
    const acc = await t.account({ name: 'Commit Co', ...PROFILE });
    const buyer = await sales.post(`/api/accounts/${acc.id}/contacts`, { firstName: 'Ole', lastName: 'Hansen', roles: ['economic_buyer'] });
    await sales.post(`/api/accounts/${acc.id}/contacts`, { firstName: 'Kari', lastName: 'Lund', roles: ['technical'] });
    const other = await t.account({ name: 'Other Co' });
    const stranger = await sales.post(`/api/accounts/${other.id}/contacts`, { firstName: 'Not', lastName: 'Ours' });
    const opp = await opportunity({ accountId: acc.id, closeDate: '2030-06-30' });
    expect((await sales.post(`/api/opportunities/${opp.id}/value/commitment/generate`)).status).toBe(409); // discovery
    await setStage(opp.id, 'negotiation');
    const noHyp = await sales.post(`/api/opportunities/${opp.id}/value/commitment/generate`);
    expect(noHyp.status).toBe(409);
    expect(noHyp.body.detail).toMatch(/hypothesis first/);
    await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, { painIds: ['audit_findings', 'manual_cmdb_upkeep'] });

    const gen = await sales.post(`/api/opportunities/${opp.id}/value/commitment/generate`);
    expect(gen.status).toBe(201);
    expect(gen.body.kpis.map((k: any) => [k.id, k.baseline, k.target, k.deadline, k.ownerContactName])).toEqual([
      ['cmdb_upkeep_hours', 160, 84.8, '2030-12-21', 'Kari Lund'], // go-live 2030-09-22 (+12 weeks) + 90 days
      ['cmdb_accuracy', 60, 98, '2030-12-21', 'Kari Lund'],
      ['audit_findings', 10, 5, '2031-09-22', 'Ole Hansen'],
    ]);
    expect(gen.body.successCriteria).toHaveLength(4);
    expect((await commitmentFor(t.deps.database.db, opp.id))).toMatchObject({ status: 'draft', kpis: gen.body.kpis });

    const kpis = gen.body.kpis.map((k: any) => (k.id === 'audit_findings' ? { ...k, target: 3 } : k));
    const badOwner = await sales.patch(`/api/opportunities/${opp.id}/value/commitment`, { version: 1, kpis: [{ ...kpis[0], ownerContactId: stranger.body.id }] });
    expect(badOwner.status).toBe(422);
    expect(badOwner.body.errors[0].path).toBe('kpis.0.ownerContactId');
    const badTarget = await sales.patch(`/api/opportunities/${opp.id}/value/commitment`, { version: 1, kpis: [{ ...kpis[0], target: 500 }] });
    expect(badTarget.status).toBe(422);
    const ok = await sales.patch(`/api/opportunities/${opp.id}/value/commitment`, { version: 1, kpis });
    expect(ok.status).toBe(200);
    expect(ok.body.kpis[2]).toMatchObject({ target: 3, ownerContactId: buyer.body.id });
    const accepted = await sales.post(`/api/opportunities/${opp.id}/value/commitment/accept`, { version: 2 });
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedBy: sales.user.id });
    const forContract = await commitmentFor(t.deps.database.db, opp.id);
    expect(forContract?.status).toBe('accepted');
    expect(forContract?.kpis.find((k) => k.id === 'audit_findings')?.target).toBe(3);
    expect(await commitmentFor(t.deps.database.db, '00000000-0000-4000-8000-000000000000')).toBeNull();

    const arts = (await sales.get(`/api/opportunities/${opp.id}/value/artifacts`)).body.items;
    expect(arts.map((a: any) => [a.agent, a.status])).toEqual([['committer', 'accepted'], ['architect', 'draft']]);
  });

  it('accepts or rejects artifacts once, with audit; rejecting leaves the draft as it is', async () => {
    const sales = await t.login('sales');
    const acc = await t.account({ name: 'Artifact Co', ...PROFILE });
    const opp = await opportunity({ accountId: acc.id });
    const first = await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, {});
    const second = await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, { painIds: ['license_waste'] });
    expect(second.body).toMatchObject({ id: first.body.id, version: 2, annualBenefit: 15_000_000 });
    expect((await sales.post(`/api/value/artifacts/${first.body.artifactId}/reject`, {})).status).toBe(422);
    const rej = await sales.post(`/api/value/artifacts/${first.body.artifactId}/reject`, { reason: 'Too optimistic on outages' });
    expect(rej.body).toMatchObject({ status: 'rejected', rejectedBy: sales.user.id, rejectionReason: 'Too optimistic on outages' });
    expect((await sales.post(`/api/value/artifacts/${first.body.artifactId}/accept`)).status).toBe(409);
    const acc2 = await sales.post(`/api/value/artifacts/${second.body.artifactId}/accept`);
    expect(acc2.body).toMatchObject({ status: 'accepted', acceptedBy: sales.user.id });
    expect((await sales.get(`/api/opportunities/${opp.id}/value/hypothesis`)).body.status).toBe('accepted');
    const admin = await t.login('admin');
    const audit = await admin.get(`/api/audit?entityType=agent_artifact&entityId=${first.body.artifactId}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'agent_artifact.reject', after: { status: 'rejected', rejectionReason: 'Too optimistic on outages' } });
    expect((await sales.post('/api/value/artifacts/00000000-0000-4000-8000-000000000000/accept')).status).toBe(404);
  });
});

describe('deal risk', () => {
  it('flags appear and disappear as the facts change', async () => {
    const sales = await t.login('sales');
    const acc = await t.account({ name: 'Risky Co', ...PROFILE });
    const opp = await opportunity({ accountId: acc.id, closeDate: '2020-01-31' });
    await setStage(opp.id, 'negotiation');
    const risk = async () => (await sales.get(`/api/opportunities/${opp.id}/value/risk`)).body;
    const ids = async () => (await risk()).risks.map((r: any) => r.id);

    let r = await risk();
    expect(r.level).toBe('high');
    expect(r.risks.map((x: any) => x.id).sort()).toEqual(['bant_missing', 'close_date_past', 'no_exec_sponsor', 'poc_missing', 'single_threaded']);

    await sales.post(`/api/accounts/${acc.id}/contacts`, { firstName: 'Eva', lastName: 'Sponsor', roles: ['exec_sponsor'] });
    expect(await ids()).toContain('single_threaded');
    expect(await ids()).not.toContain('no_exec_sponsor');
    await sales.post(`/api/accounts/${acc.id}/contacts`, { firstName: 'Tor', lastName: 'Tech', roles: ['technical'] });
    expect(await ids()).not.toContain('single_threaded');

    // The converted lead's BANT.
    const [lead] = await t.deps.database.db.insert(leads).values({ source: 'website', status: 'converted', convertedOpportunityId: opp.id, bant: { budget: false, authority: true, need: true, timelineMonths: 6 } }).returning();
    await t.deps.database.query('UPDATE opportunities SET lead_id = $2 WHERE id = $1', [opp.id, lead.id]);
    expect(await ids()).toContain('bant_budget');
    expect(await ids()).not.toContain('bant_missing');
    await t.deps.database.query(`UPDATE leads SET bant = '{"budget": true, "authority": true, "need": true, "timelineMonths": 6}' WHERE converted_opportunity_id = $1`, [opp.id]);
    expect(await ids()).not.toContain('bant_budget');

    await t.deps.database.query(`UPDATE opportunities SET close_date = '2031-01-31' WHERE id = $1`, [opp.id]);
    expect(await ids()).not.toContain('close_date_past');

    // Stale: no activity on the account and no change to the opportunity for 20 days.
    await t.deps.database.query(`UPDATE activities SET occurred_at = now() - interval '20 days' WHERE account_id = $1`, [acc.id]);
    await t.deps.database.query(`UPDATE opportunities SET updated_at = now() - interval '20 days' WHERE id = $1`, [opp.id]);
    expect((await risk()).risks.find((x: any) => x.id === 'stale')).toMatchObject({ severity: 'medium', explanation: 'No activity for 20 days (threshold 14).' });
    await sales.post(`/api/accounts/${acc.id}/activities`, { kind: 'call', subject: 'Pricing call' });
    expect(await ids()).not.toContain('stale');

    r = await risk();
    expect(r.risks.map((x: any) => x.id)).toEqual(['poc_missing']); // no POC recorded at negotiation
    const [{ present }] = await t.deps.database.query<{ present: boolean }>(`SELECT to_regclass('public.pocs') IS NOT NULL AS present`);
    if (present) { // the pipeline module's POC table
      await t.deps.database.query(`INSERT INTO pocs (opportunity_id, account_id, status, success_criteria) VALUES ($1, $2, 'running', $3)`,
        [opp.id, acc.id, JSON.stringify([{ id: 'c1', measure: 'Servers discovered', target: '95 %', result: '97 %', validated: true }, { id: 'c2', measure: 'CMDB accuracy', target: '98 %', result: null, validated: false }])]);
      expect((await risk()).risks).toEqual([expect.objectContaining({ id: 'poc_not_validated', severity: 'high', explanation: '1 of 2 POC success criteria are not validated.' })]);
      await t.deps.database.query(`UPDATE pocs SET success_criteria = jsonb_set(success_criteria, '{1,validated}', 'true') WHERE opportunity_id = $1`, [opp.id]);
      expect(await risk()).toMatchObject({ level: 'low', risks: [] });
    }
    await setStage(opp.id, 'closed_won');
    expect(await risk()).toMatchObject({ level: 'none', risks: [] });
  });
});

describe('value access', () => {
  it('partner users see only their partner\'s opportunities (404 otherwise); customers are refused', async () => {
    const p1 = await t.partner();
    const p2 = await t.partner();
    const mineAcc = await t.account({ name: 'Partner Deal Co', partnerId: p1, ...PROFILE });
    const theirsAcc = await t.account({ name: 'Other Partner Co', partnerId: p2, ...PROFILE });
    const mine = await opportunity({ accountId: mineAcc.id, partnerId: p1 });
    const theirs = await opportunity({ accountId: theirsAcc.id, partnerId: p2 });
    const partner = await t.login('partner', { partnerId: p1 });
    expect((await partner.post(`/api/opportunities/${mine.id}/value/hypothesis/generate`, {})).status).toBe(201);
    expect((await partner.get(`/api/opportunities/${mine.id}/value/risk`)).status).toBe(200);
    const sales = await t.login('sales');
    const theirsHyp = await sales.post(`/api/opportunities/${theirs.id}/value/hypothesis/generate`, {});
    for (const path of ['value', 'value/hypothesis', 'value/risk', 'value/artifacts', 'value/proposal.pdf', 'value/commitment']) {
      const res = await partner.get(`/api/opportunities/${theirs.id}/${path}`);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Other Partner Co');
    }
    expect((await partner.post(`/api/opportunities/${theirs.id}/value/hypothesis/generate`, {})).status).toBe(404);
    expect((await partner.patch(`/api/opportunities/${theirs.id}/value/hypothesis`, { version: 1 })).status).toBe(404);
    expect((await partner.post(`/api/value/artifacts/${theirsHyp.body.artifactId}/accept`)).status).toBe(403); // partners never accept

    const customer = await t.login('customer', { accountId: mineAcc.id });
    expect((await customer.get(`/api/opportunities/${mine.id}/value/hypothesis`)).status).toBe(403);
    expect((await customer.get(`/api/opportunities/${mine.id}/value/risk`)).status).toBe(403);
    expect((await customer.post(`/api/opportunities/${mine.id}/value/hypothesis/generate`, {})).status).toBe(403);
    const finance = await t.login('finance');
    expect((await finance.get(`/api/opportunities/${mine.id}/value/hypothesis`)).status).toBe(200);
    expect((await finance.post(`/api/opportunities/${mine.id}/value/hypothesis/generate`, {})).status).toBe(403);
  });
});
