import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { stallOf } from './stalled';

const stages = defaultPlaybook.pipeline.stages;
const stage = (id: string) => stages.find((s) => s.id === id)!;
const now = new Date('2026-11-20T12:00:00Z');

describe('stalled deals', () => {
  it('is stalled once the stage has lasted longer than the playbook expects', () => {
    const proposal = stage('proposal'); // 5–7 days
    expect(proposal.expectedDurationDays?.max).toBe(7);
    const fresh = stallOf(proposal, { stageEnteredAt: '2026-11-15T12:00:00Z', stageOverdueAt: null, closeDate: '2026-12-31' }, now);
    expect(fresh).toEqual({ daysInStage: 5, expectedDays: 7, reasons: [] });
    const late = stallOf(proposal, { stageEnteredAt: '2026-11-08T12:00:00Z', stageOverdueAt: null, closeDate: '2026-12-31' }, now);
    expect(late).toEqual({ daysInStage: 12, expectedDays: 7, reasons: ['stage_overdue'] });
  });

  it('trusts the stage timer\'s mark and flags a close date in the past', () => {
    const s = stallOf(stage('proposal'), { stageEnteredAt: '2026-11-19T12:00:00Z', stageOverdueAt: '2026-11-20T00:00:00Z', closeDate: '2026-11-19' }, now);
    expect(s.reasons).toEqual(['stage_overdue', 'close_date_passed']);
  });

  it('never stalls on duration in a stage without an expected duration', () => {
    const open = { ...stage('proposal'), expectedDurationDays: null };
    const s = stallOf(open, { stageEnteredAt: '2025-01-01T00:00:00Z', stageOverdueAt: null, closeDate: null }, now);
    expect(s.reasons).toEqual([]);
    expect(s.expectedDays).toBeNull();
  });
});
