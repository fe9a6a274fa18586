import { describe, expect, it } from 'vitest';
import { audienceProblem, audiencesFor, canSee, defaultAudience, redact } from './audience';
import { accountFor, leadFor, markFor, opportunityFor, projectFor } from './outsider-views';

const staff = { role: 'csm' as const, id: 's1' };
const partner = { role: 'partner' as const, id: 'p1' };
const customer = { role: 'customer' as const, id: 'c1' };

describe('audiences', () => {
  it('nest internal < partner < customer: staff read all, partners partner and customer rows, customers their own', () => {
    expect(audiencesFor(staff)).toEqual(['internal', 'partner', 'customer']);
    expect(audiencesFor(partner)).toEqual(['partner', 'customer']);
    expect(audiencesFor(customer)).toEqual(['customer']);
    expect(canSee(partner, 'internal')).toBe(false);
    expect(canSee(customer, 'partner')).toBe(false);
  });

  it('writers default to their own audience and may not write what they could not read back', () => {
    expect([staff, partner, customer].map(defaultAudience)).toEqual(['internal', 'partner', 'customer']);
    expect(audienceProblem(partner, 'internal')).toBe('A partner user cannot make an entry internal: choose partner or customer.');
    expect(audienceProblem(partner, 'customer')).toBeNull();
    expect(audienceProblem(staff, 'internal')).toBeNull();
  });

  it('redacts fields of a narrower audience and keeps the row as it is for staff', () => {
    const row = { id: 'a', description: 'price sensitive', name: 'Acme' };
    const fields = { description: { audience: 'partner', empty: null } } as const;
    expect(redact(staff, row, fields)).toBe(row);
    expect(redact(partner, row, fields)).toBe(row);
    expect(redact(customer, row, fields)).toEqual({ id: 'a', description: null, name: 'Acme' });
    expect(accountFor(customer, row).description).toBeNull();
    expect(leadFor(partner, { id: 'l', assignmentExplanation: { text: 'Skipped: Ann (out of office)' } })).toEqual({ id: 'l', assignmentExplanation: null });
  });
});

describe('outsider views', () => {
  const mark = (by: string) => ({ at: '2030-01-01T00:00:00Z', by, byName: 'someone', note: `note by ${by}` });

  it('keeps that an item was ticked and by whom, but only the writer reads their own note', () => {
    expect(markFor(partner, mark('s1')).note).toBeNull();
    expect(markFor(partner, mark('p1')).note).toBe('note by p1');
    expect(markFor(staff, mark('p1')).note).toBe('note by p1');
    expect(markFor(partner, null)).toBeNull();
  });

  it('empties gate notes (stored and listed per stage), override reasons and loss notes of an opportunity', () => {
    const opp = {
      id: 'o', lossNotes: 'champion left', gateChecks: { discovery: { a: mark('s1'), b: mark('p1') } },
      history: [{ toStage: 'proposal', overrideReason: 'CIO mandate', missingCriteria: [{ id: 'x' }] }],
      stages: [{ id: 'discovery', criteria: [{ id: 'a', checked: true, ...mark('s1') }] }],
    };
    const out = opportunityFor(partner, opp);
    expect(out.lossNotes).toBeNull();
    expect([out.gateChecks.discovery.a.note, out.gateChecks.discovery.b.note]).toEqual([null, 'note by p1']);
    expect(out.history[0]).toEqual({ toStage: 'proposal', overrideReason: null, missingCriteria: null });
    expect(out.stages[0].criteria[0]).toMatchObject({ checked: true, byName: 'someone', note: null });
    expect(opportunityFor(staff, opp)).toBe(opp);
  });

  it('empties the retrospective, the quality score and checklist notes of a project', () => {
    const p = {
      id: 'p', lessonsLearned: 'under-staffed', qualityScore: 61, csatScore: 4, entryChecks: { kickoff: mark('s1') },
      checklists: { entry: { items: [{ id: 'kickoff', done: true, mark: mark('s1') }], missing: [] } },
    };
    const out = projectFor(customer, p);
    expect(out).toMatchObject({ lessonsLearned: null, qualityScore: null, csatScore: 4 });
    expect(out.entryChecks.kickoff.note).toBeNull();
    expect(out.checklists.entry.items[0].mark.note).toBeNull();
    expect(p.entryChecks.kickoff.note).toBe('note by s1'); // the input is not changed
  });
});
