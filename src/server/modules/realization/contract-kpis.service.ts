// From a signed contract to tracked KPIs: the contract's KPIs (copied from the value commitment at signature) become
// value_kpis rows starting on the contract's start date, valued from the hypothesis' pains. Both `contract.signed`
// and `project.created` call `syncContractKpis`: whichever runs first creates the rows, the unique key
// (account, contract, key) makes the other a no-op, and the project, once it exists, is set on the contract's KPIs
// (and open alerts raised before it get their course-correction task).
import { sql } from 'drizzle-orm';
import { kpisFromContract, type PainValue } from '../../../core/value';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { courseCorrection } from './measurements.service';
import { alertsWithoutTask, rows, toArray } from './realization.repo';

export interface ContractFacts { id: string; accountId: string; opportunityId: string | null; startDate: string; endDate: string; kpis: unknown }

export async function contractFacts(tx: Tx, contractId: string): Promise<ContractFacts | null> {
  const [c] = await rows<ContractFacts>(tx, sql`SELECT id, account_id AS "accountId", opportunity_id AS "opportunityId", to_char(start_date, 'YYYY-MM-DD') AS "startDate",
    to_char(end_date, 'YYYY-MM-DD') AS "endDate", kpis FROM contracts WHERE id = ${contractId} AND deleted_at IS NULL`);
  return c ?? null;
}

/** The account's value graph, created on first use (one per account). */
export async function ensureGraph(tx: Tx, accountId: string): Promise<string> {
  await tx.execute(sql`INSERT INTO value_graphs (account_id) VALUES (${accountId}) ON CONFLICT DO NOTHING`);
  const [g] = await rows<{ id: string }>(tx, sql`SELECT id FROM value_graphs WHERE account_id = ${accountId} AND deleted_at IS NULL`);
  return g.id;
}

/** Creates the contract's tracked KPIs (idempotent) and links them to the project. Returns the KPIs created now. */
export async function syncContractKpis(ctx: Ctx, tx: Tx, contract: ContractFacts, projectId: string | null = null): Promise<{ created: number; linked: number }> {
  const raw = Array.isArray(contract.kpis) ? contract.kpis : [];
  if (!raw.length) return { created: 0, linked: 0 };
  const [hyp] = contract.opportunityId
    ? await rows<{ pains: PainValue[] | null }>(tx, sql`SELECT results->'pains' AS pains FROM value_hypotheses WHERE opportunity_id = ${contract.opportunityId} AND deleted_at IS NULL`)
    : [];
  const { playbook } = await currentPlaybook(tx);
  const { kpis, skipped } = kpisFromContract(raw, {
    startDate: contract.startDate, endDate: contract.endDate, pains: hyp?.pains ?? [], categories: playbook.valueRealization.kpiCategories,
  });
  const graphId = await ensureGraph(tx, contract.accountId);
  const [proj] = projectId ? [{ id: projectId }] : await rows<{ id: string }>(tx, sql`SELECT id FROM projects WHERE contract_id = ${contract.id} AND deleted_at IS NULL`);
  const col = <K extends keyof (typeof kpis)[number]>(k: K) => toArray(kpis.map((x) => x[k]));
  const created = await rows<{ id: string; name: string }>(tx, sql`INSERT INTO value_kpis (account_id, value_graph_id, contract_id, project_id, key, name, unit,
      category_id, better_when, baseline, target, start_date, deadline, owner_name, clause, annual_value_at_target)
    SELECT ${contract.accountId}::uuid, ${graphId}::uuid, ${contract.id}::uuid, ${proj?.id ?? null}::uuid, u.*
    FROM unnest(${col('key')}::text[], ${col('name')}::text[], ${col('unit')}::text[], ${col('categoryId')}::text[], ${col('betterWhen')}::text[],
      ${col('baseline')}::float8[], ${col('target')}::float8[], ${col('startDate')}::date[], ${col('deadline')}::date[], ${col('ownerName')}::text[],
      ${col('clause')}::text[], ${col('annualValueAtTarget')}::bigint[]) AS u
    ON CONFLICT (account_id, contract_id, key) WHERE deleted_at IS NULL DO NOTHING
    RETURNING id, name`);
  let linked = 0;
  if (proj) {
    const res = await rows<{ id: string }>(tx, sql`UPDATE value_kpis SET project_id = ${proj.id}, updated_at = now()
      WHERE contract_id = ${contract.id} AND deleted_at IS NULL AND project_id IS DISTINCT FROM ${proj.id}::uuid RETURNING id`);
    linked = res.length;
    // Alerts raised while the KPIs had no project get their course-correction task now.
    for (const alert of await alertsWithoutTask(tx, contract.id)) await courseCorrection(ctx, tx, alert, alert.kpi);
  }
  if (created.length) {
    await audit(ctx, tx, { action: 'value_kpis.create', entityType: 'contract', entityId: contract.id, accountId: contract.accountId, after: { kpis: kpis.map((k) => k.key), skipped } });
    await logSystemActivity(ctx, tx, contract.accountId, `Tracking ${created.length} contracted KPI${created.length === 1 ? '' : 's'}`,
      `${created.map((k) => k.name).join(', ')}: each runs from its baseline on ${contract.startDate} to its target by its deadline, and drift beyond `
      + `${playbook.valueRealization.varianceAlertPercent} % raises an alert.${skipped.length ? ` Not tracked: ${skipped.map((s) => s.reason).join('; ')}.` : ''}`,
      { type: 'contract', id: contract.id });
    await emit(ctx, tx, { type: 'value.kpis_tracked', entityType: 'contract', entityId: contract.id, accountId: contract.accountId, payload: { contractId: contract.id, kpiIds: created.map((k) => k.id), projectId: proj?.id ?? null } });
  } else if (linked) {
    await audit(ctx, tx, { action: 'value_kpis.link_project', entityType: 'contract', entityId: contract.id, accountId: contract.accountId, after: { projectId: proj!.id, kpis: linked } });
  }
  return { created: created.length, linked };
}
