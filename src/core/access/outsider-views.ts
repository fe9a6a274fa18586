// What partner and customer users read of rows that are otherwise theirs (row scope lets them reach the row): the
// fields written for the vendor's own people are emptied, in one table per kind of row so a reviewer sees every such
// field here. Presenters of the modules call these; staff get the row unchanged.
import { redact, seesInternal, type FieldAudiences } from './audience';
import type { Role } from './roles';

type Who = { role: Role; id: string };
type Row = Record<string, unknown>;

/** Internal-only fields per kind of row. `partner` fields are shared with the partner but not the customer. */
export const OUTSIDER_FIELDS = {
  /** The account team's own description of the company. */
  account: { description: { audience: 'partner', empty: null } },
  /** The assignment ranking names colleagues who were skipped (out of office, at capacity): staffing, not the lead. */
  lead: { assignmentExplanation: { audience: 'internal', empty: null } },
  /** Why the deal was lost, in the seller's words. */
  opportunity: { lossNotes: { audience: 'internal', empty: null } },
  /** A gate passed by executive override: the reason and what was skipped are deal governance. */
  stageHistory: { overrideReason: { audience: 'internal', empty: null }, missingCriteria: { audience: 'internal', empty: null } },
  /** The retrospective and the vendor's own quality score. */
  project: { lessonsLearned: { audience: 'internal', empty: null }, qualityScore: { audience: 'internal', empty: null } },
} as const satisfies Record<string, FieldAudiences<Row>>;

/**
 * A check mark ({ at, by, byName, note }) on a gate or checklist item: that it was ticked, when and by whom is shared;
 * the note is the writer's working note, shown to outsiders only when they wrote it themselves.
 */
export function markFor<T>(actor: Who, mark: T): T {
  if (seesInternal(actor) || !mark || typeof mark !== 'object') return mark;
  const m = mark as Row;
  return m.note == null || m.by === actor.id ? mark : { ...mark, note: null };
}

/** `{ key: mark }` (one level) or `{ group: { key: mark } }` (two levels) with every mark's note handled by `markFor`. */
export function marksFor<T>(actor: Who, marks: T, depth: 1 | 2 = 1): T {
  if (seesInternal(actor) || !marks || typeof marks !== 'object') return marks;
  return Object.fromEntries(Object.entries(marks as Row).map(([k, v]) => [k, depth === 2 ? marksFor(actor, v, 1) : markFor(actor, v)])) as T;
}

export function accountFor<T extends object>(actor: Who, row: T): T {
  return redact(actor, row, OUTSIDER_FIELDS.account as FieldAudiences<T>);
}

export function leadFor<T extends object>(actor: Who, row: T): T {
  return redact(actor, row, OUTSIDER_FIELDS.lead as FieldAudiences<T>);
}

/** An opportunity, with its gate checks (stored, and as listed per stage) and stage history when the row carries them. */
export function opportunityFor<T extends object>(actor: Who, row: T): T {
  if (seesInternal(actor)) return row;
  const out = redact(actor, row, OUTSIDER_FIELDS.opportunity as FieldAudiences<T>) as T & { gateChecks?: unknown; history?: unknown; stages?: unknown };
  return {
    ...out,
    ...('gateChecks' in out ? { gateChecks: marksFor(actor, out.gateChecks, 2) } : {}),
    ...(Array.isArray(out.history) ? { history: out.history.map((h: Row) => redact(actor, h, OUTSIDER_FIELDS.stageHistory)) } : {}),
    ...(Array.isArray(out.stages) ? {
      stages: out.stages.map((s: Row) => (Array.isArray(s.criteria) ? { ...s, criteria: s.criteria.map((c: Row) => markFor(actor, c)) } : s)),
    } : {}),
  };
}

const CHECK_LISTS = ['entryChecks', 'exitChecks', 'goLiveChecks', 'handoffChecks'] as const;

/** A project, with its checklist marks (stored and as listed under `checklists`) when the row carries them. */
export function projectFor<T extends object>(actor: Who, row: T): T {
  if (seesInternal(actor)) return row;
  const out = { ...redact(actor, row, OUTSIDER_FIELDS.project as FieldAudiences<T>) } as Row;
  for (const list of CHECK_LISTS) if (list in out) out[list] = marksFor(actor, out[list]);
  if (out.checklists && typeof out.checklists === 'object') {
    out.checklists = Object.fromEntries(Object.entries(out.checklists as Record<string, Row>).map(([k, c]) => [k,
      Array.isArray(c?.items) ? { ...c, items: c.items.map((i: Row) => ('mark' in i ? { ...i, mark: markFor(actor, i.mark) } : i)) } : c]));
  }
  return out as T;
}
