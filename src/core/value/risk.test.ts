// Deal-risk rules: each flag appears with its fact and disappears when the fact is fixed.
import { describe, expect, it } from 'vitest';
import { assessDealRisk, type RiskFacts } from './risk';

const now = new Date('2026-11-20T10:00:00Z');
const healthy: RiskFacts = {
  now, stage: 'proposal', closeDate: '2026-12-31', segment: 'standard', execSponsorId: null,
  bant: { budget: true, authority: true, need: true, timelineMonths: 6 }, timelineHorizonMonths: 12,
  contacts: [{ id: 'a', roles: ['exec_sponsor'] }, { id: 'b', roles: ['technical', 'champion'] }],
  poc: null, lastActivityAt: new Date('2026-11-18T10:00:00Z'),
};
const ids = (f: Partial<RiskFacts>) => assessDealRisk({ ...healthy, ...f }).risks.map((r) => `${r.id}:${r.severity}`);

describe('deal risk', () => {
  it('a healthy proposal has no risks and a low level', () => {
    expect(assessDealRisk(healthy)).toEqual({ level: 'low', risks: [], assessedAt: now.toISOString() });
  });

  it('flags BANT gaps from the converted lead; severities depend on the stage', () => {
    expect(ids({ bant: { budget: false, authority: null, need: false, timelineMonths: null } })).toEqual(['bant_budget:high', 'bant_need:high', 'bant_authority:medium', 'bant_timeline:medium']);
    expect(ids({ stage: 'discovery', bant: { budget: false, authority: true, need: true, timelineMonths: 18 } })).toEqual(['bant_timeline:high', 'bant_budget:medium']);
    expect(ids({ bant: null })).toEqual(['bant_missing:low']);
  });

  it('flags a missing executive sponsor (contact side, and our side on strategic accounts)', () => {
    expect(ids({ contacts: [{ id: 'a', roles: ['champion'] }, { id: 'b', roles: ['technical'] }] })).toEqual(['no_exec_sponsor:high']);
    expect(ids({ stage: 'discovery', contacts: [{ id: 'a', roles: ['champion'] }, { id: 'b', roles: ['technical'] }] })).toEqual(['no_exec_sponsor:medium']);
    expect(ids({ segment: 'strategic' })).toEqual(['no_vendor_sponsor:medium']);
    expect(ids({ segment: 'strategic', execSponsorId: 'u1' })).toEqual([]);
    expect(ids({ contacts: [{ id: 'a', roles: ['economic_buyer'] }, { id: 'b', roles: ['user'] }] })).toEqual([]);
  });

  it('flags single-threaded deals: fewer than two stakeholders, or one role only', () => {
    expect(ids({ contacts: [{ id: 'a', roles: ['exec_sponsor'] }, { id: 'b', roles: [] }] })).toEqual(['single_threaded:high']);
    expect(ids({ contacts: [{ id: 'a', roles: ['exec_sponsor'] }, { id: 'b', roles: ['exec_sponsor'] }] })).toEqual(['single_role:medium']);
    expect(ids({ contacts: [] })).toEqual(['no_exec_sponsor:high', 'single_threaded:high']);
  });

  it('flags POC criteria not validated in POC and negotiation; absent POC counts as none', () => {
    expect(ids({ stage: 'negotiation' })).toEqual(['poc_missing:high']);
    expect(ids({ stage: 'poc' })).toEqual(['poc_missing:medium']);
    expect(ids({ stage: 'negotiation', poc: { status: 'running', criteria: [{ validated: true }, { validated: false }] } })).toEqual(['poc_not_validated:high']);
    expect(assessDealRisk({ ...healthy, stage: 'negotiation', poc: { status: 'running', criteria: [{ validated: true }, { validated: false }] } }).risks[0].explanation).toBe('1 of 2 POC success criteria are not validated.');
    expect(ids({ stage: 'negotiation', poc: { status: 'completed', criteria: [] } })).toEqual(['poc_no_criteria:high']);
    expect(ids({ stage: 'negotiation', poc: { status: 'completed', criteria: [{ validated: true }] } })).toEqual([]);
  });

  it('flags stale deals after 14 days (high after 30) and past or missing close dates', () => {
    expect(ids({ lastActivityAt: new Date('2026-11-07T10:00:00Z') })).toEqual([]); // 13 days
    expect(ids({ lastActivityAt: new Date('2026-11-06T10:00:00Z') })).toEqual(['stale:medium']); // 14 days
    expect(ids({ lastActivityAt: new Date('2026-10-20T10:00:00Z') })).toEqual(['stale:high']);
    expect(ids({ lastActivityAt: null })).toEqual(['stale:medium']);
    expect(ids({ closeDate: '2026-11-19' })).toEqual(['close_date_past:high']);
    expect(ids({ closeDate: '2026-11-20' })).toEqual([]); // today is not past
    expect(ids({ closeDate: null })).toEqual(['no_close_date:low']);
  });

  it('rolls up the level: any high, or three mediums → high; any medium → medium; closed deals → none', () => {
    expect(assessDealRisk({ ...healthy, bant: null }).level).toBe('low');
    expect(assessDealRisk({ ...healthy, segment: 'strategic' }).level).toBe('medium');
    expect(assessDealRisk({ ...healthy, stage: 'discovery', segment: 'strategic', bant: { budget: false, authority: false, need: true, timelineMonths: 6 } }).level).toBe('high');
    expect(assessDealRisk({ ...healthy, closeDate: '2020-01-01' }).level).toBe('high');
    expect(assessDealRisk({ ...healthy, stage: 'closed_won', closeDate: '2020-01-01' })).toMatchObject({ level: 'none', risks: [] });
  });
});
