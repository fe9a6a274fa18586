// Portfolio figures derived from GET /accounts/summary (counts and ARR by lifecycle stage × segment).
import { LIFECYCLE_STAGES, SEGMENTS } from '../../../core/accounts/schemas';
import type { Schema } from '../../lib/api';
import type { LifecycleStage, Segment } from '../../lib/types';

export interface Portfolio {
  accounts: number;
  customers: number;
  prospects: number;
  churned: number;
  arr: number;
  strategicArr: number;
  strategicCustomers: number;
  byStage: Record<LifecycleStage, Record<Segment, { accounts: number; arr: number }>>;
  arrBySegment: Record<Segment, number>;
}

const isCustomer = (s: LifecycleStage) => s !== 'prospect' && s !== 'churned';

export function portfolio(rows: Schema<'AccountSummaryRow'>[]): Portfolio {
  const byStage = Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, Object.fromEntries(SEGMENTS.map((g) => [g, { accounts: 0, arr: 0 }]))])) as Portfolio['byStage'];
  const arrBySegment = Object.fromEntries(SEGMENTS.map((g) => [g, 0])) as Record<Segment, number>;
  const p: Portfolio = { accounts: 0, customers: 0, prospects: 0, churned: 0, arr: 0, strategicArr: 0, strategicCustomers: 0, byStage, arrBySegment };
  for (const r of rows) {
    const cell = byStage[r.lifecycleStage]?.[r.segment];
    if (cell) { cell.accounts += r.accounts; cell.arr += r.arr; }
    p.accounts += r.accounts;
    if (r.lifecycleStage === 'prospect') p.prospects += r.accounts;
    if (r.lifecycleStage === 'churned') p.churned += r.accounts;
    if (isCustomer(r.lifecycleStage)) {
      p.customers += r.accounts;
      p.arr += r.arr;
      arrBySegment[r.segment] = (arrBySegment[r.segment] ?? 0) + r.arr;
      if (r.segment === 'strategic') { p.strategicArr += r.arr; p.strategicCustomers += r.accounts; }
    }
  }
  return p;
}
