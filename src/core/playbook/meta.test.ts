import { describe, expect, it } from 'vitest';
import { emptyValue, leavesOf, playbookFormTree, switchOption, type FormNode } from './form-tree';
import { defaultPlaybook, validatePlaybook } from './index';
import { PLAYBOOK_META, provenanceOf } from './meta';

const tree = playbookFormTree();

/** Every node of the tree with its pattern. */
function allNodes(node: FormNode, out = new Map<string, FormNode>()): Map<string, FormNode> {
  if (!out.has(node.pattern)) out.set(node.pattern, node);
  if (node.kind === 'object') node.fields.forEach((f) => allNodes(f.node, out));
  if (node.kind === 'array') allNodes(node.item, out);
  if (node.kind === 'record') allNodes(node.value, out);
  if (node.kind === 'union') node.options.forEach((o) => allNodes(o.node, out));
  return out;
}
const nodes = allNodes(tree);

/** The values at a pattern in a document (`*` expands to every item or record value). */
function valuesAt(doc: unknown, pattern: string): unknown[] {
  let current: unknown[] = [doc];
  for (const seg of pattern.split('.')) {
    current = current.flatMap((v) => {
      if (v === null || typeof v !== 'object') return [];
      if (seg === '*') return Object.values(v);
      return seg in v ? [(v as Record<string, unknown>)[seg]] : [];
    });
  }
  return current;
}

describe('playbook metadata', () => {
  it('cites a seed section for every leaf field, or says why the product decided it', () => {
    const leaves = leavesOf(tree);
    expect(leaves.length).toBeGreaterThan(300);
    const uncited = leaves.filter((l) => !provenanceOf(l.pattern)).map((l) => l.pattern);
    expect(uncited).toEqual([]);
  });

  it('does not let a section-wide citation stand in for the fields outside its lists', () => {
    const meta = { leads: { seed: [{ ref: '004' }] }, 'leads.sources': { seed: [{ ref: '004 Entry Criteria' }] } };
    expect(provenanceOf('leads.sla.firstResponseHours', meta)).toBeUndefined();
    expect(provenanceOf('leads.sources.*.label', meta)?.from).toBe('leads.sources');
    expect(provenanceOf('leads.sla.firstResponseHours')?.seed.map((c) => c.ref)).toEqual(['000 §1 stage 1', '004 Success Metrics']);
  });

  it('names only fields that exist in the schema', () => {
    expect(Object.keys(PLAYBOOK_META).filter((k) => !nodes.has(k))).toEqual([]);
  });

  it('cites seeds by document number (000–004) or as an assumption', () => {
    const refs = Object.values(PLAYBOOK_META).flatMap((m) => [...(m.seed ?? []), ...Object.values(m.rows ?? {}).flat()]).map((c) => c.ref);
    expect(refs.filter((r) => !/^(00[0-4]\b|assumption$)/.test(r))).toEqual([]);
  });

  it('keys row citations by ids of the default rows', () => {
    const stale: string[] = [];
    for (const [pattern, m] of Object.entries(PLAYBOOK_META)) {
      if (!m.rows) continue;
      const ids = valuesAt(defaultPlaybook, pattern).flatMap((c) => (Array.isArray(c) ? c.map((r: { id?: string }) => r.id) : Object.keys(c as object)));
      for (const id of Object.keys(m.rows)) if (!ids.includes(id)) stale.push(`${pattern}: ${id}`);
    }
    expect(stale).toEqual([]);
  });

  it('points sums, scales and references at real fields', () => {
    for (const [pattern, m] of Object.entries(PLAYBOOK_META)) {
      const node = nodes.get(pattern)!;
      if (m.sum) {
        const values = m.sum.field ? valuesAt(defaultPlaybook, `${pattern}.*.${m.sum.field}`) : valuesAt(defaultPlaybook, `${pattern}.*`);
        expect(values.length, pattern).toBeGreaterThan(1);
        expect(values.reduce((a: number, v) => a + (v as number), 0), pattern).toBe(m.sum.total);
      }
      for (const band of m.scale?.bands ?? []) if (band.from) expect(typeof valuesAt(defaultPlaybook, `${pattern}.${band.from}`)[0], `${pattern} ${band.from}`).toBe('number');
      if (m.ref) expect(['string', 'array'], pattern).toContain(node.kind);
    }
  });

  it('knows the widgets: day ranges, money, weekdays, nullable and optional numbers', () => {
    expect(nodes.get('leads.typicalInitialResponseDays')?.kind).toBe('range');
    expect(nodes.get('pipeline.stages.*.expectedDurationDays')).toMatchObject({ kind: 'range', nullable: true });
    expect(nodes.get('valueRealization.benchmarks.*.amount')?.kind).toBe('money');
    expect(nodes.get('pipeline.stages.*.probability')).toMatchObject({ kind: 'number', min: 0, max: 100, int: false });
    expect(nodes.get('delivery.standardWeeks')).toMatchObject({ kind: 'number', min: 1, int: true });
    expect(nodes.get('metricTargets.*.scaleMax')).toMatchObject({ kind: 'number', optional: true });
    expect(nodes.get('leads.bant.criteria')).toMatchObject({ kind: 'array', minItems: 4, maxItems: 4 });
    expect(nodes.get('calendar.holidays.*')).toMatchObject({ kind: 'string', format: 'date' });
    expect(nodes.get('leads.scoring.fitRules.*.when.value')).toMatchObject({ kind: 'scalarUnion', optional: true, types: ['string', 'number', 'boolean', 'stringList'] });
    expect(nodes.get('leads.sla.firstResponseHours')?.meta).toMatchObject({ unit: 'hours', title: 'First response' });
    // Role ids offer the declared roles, by the same naming rule the schema checks them with.
    expect(nodes.get('customerSuccess.resourceAllocation.*.roleId')?.meta.ref).toBe('roles');
    expect(nodes.get('pipeline.stages.*.ownerRoleIds')?.meta.ref).toBe('roles');
    expect(nodes.get('delivery.milestones.*.phaseId')?.meta.ref).toBe('delivery.phases');
    expect(nodes.get('roles.*.id')?.meta.ref).toBeUndefined();
  });

  it('makes new rows the schema recognises and switches union options keeping shared fields', () => {
    const stages = nodes.get('pipeline.stages.*')!;
    expect(emptyValue(stages)).toMatchObject({ id: '', kind: 'open', probability: 0, expectedDurationDays: null, ownerRoleIds: [], conversionMetric: null });
    const copy = structuredClone(defaultPlaybook);
    copy.pipeline.lossReasons.push(emptyValue(nodes.get('pipeline.lossReasons.*')!) as never);
    const result = validatePlaybook(copy);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['pipeline.lossReasons.10.id', 'pipeline.lossReasons.10.label']);
    const benchmark = nodes.get('valueRealization.benchmarks.*')!;
    if (benchmark.kind !== 'union') throw new Error('benchmarks are a union');
    const money = switchOption(benchmark, defaultPlaybook.valueRealization.benchmarks[0], 'money');
    expect(money).toEqual({ id: 'manual_cmdb_upkeep_hours', label: 'Manual CMDB upkeep', categoryId: 'efficiency', per: 'month per 1,000 servers', basis: 'assumption', kind: 'money', amount: { amountMinor: 0, currency: 'USD' } });
  });
});
