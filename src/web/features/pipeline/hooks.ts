// API types and TanStack Query hooks of the pipeline: board, opportunity, gates, POC, closing, forecast.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok, type BodyOf, type Schema } from '../../lib/api';

// API shapes come from the generated client; these names are what the pipeline pages call them.
export type Card = Schema<'OpportunityCard'>;
export type Column = Schema<'BoardColumn'>;
export interface BoardFilters { ownerId?: string; partnerId?: string; closeFrom?: string; closeTo?: string }
export type Missing = Schema<'MissingCriterion'>;
export type Opportunity = Schema<'OpportunityDetail'>;
export type StageView = Opportunity['stages'][number];
// The generator folds the deal page's nullable POC into the component; a POC itself is never null.
export type Poc = NonNullable<Schema<'Poc'>>;
export type PocCriterion = Poc['successCriteria'][number];
export type Forecast = Schema<'Forecast'>;

export const pipelineKeys = {
  board: (f: BoardFilters) => ['pipeline', 'board', f] as const,
  one: (id: string) => ['pipeline', 'opportunity', id] as const,
  forecast: (p: string, owner?: string) => ['pipeline', 'forecast', p, owner ?? ''] as const,
};

export function useBoard(f: BoardFilters) {
  return useQuery({
    queryKey: pipelineKeys.board(f),
    queryFn: ({ signal }) => ok(client.GET('/pipeline/board', { params: { query: { ...f, limit: 12 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: pipelineKeys.one(id),
    queryFn: ({ signal }) => ok(client.GET('/opportunities/{id}', { params: { path: { id } }, signal })),
    retry: (n, e) => ![400, 404, 422].includes((e as { status?: number }).status ?? 0) && n < 2,
  });
}

export function useForecast(period: 'month' | 'quarter', owner?: string) {
  return useQuery({
    queryKey: pipelineKeys.forecast(period, owner),
    queryFn: ({ signal }) => ok(client.GET('/pipeline/forecast', { params: { query: { period, owner } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Every pipeline mutation refreshes the board, the opportunity and the account timeline it wrote to. */
function useRefresh() {
  const qc = useQueryClient();
  return (id: string, accountId?: string) => {
    qc.invalidateQueries({ queryKey: ['pipeline'] });
    qc.invalidateQueries({ queryKey: pipelineKeys.one(id) });
    if (accountId) qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] });
  };
}

export function useAdvance() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; toStage: string; overrideReason?: string }) =>
      ok(client.POST('/opportunities/{id}/advance', { params: { path: { id: v.id } }, body: { toStage: v.toStage, overrideReason: v.overrideReason } })),
    onSuccess: (o, v) => refresh(v.id, o.accountId),
  });
}

export function useSetCriterion() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; stage: string; criterionId: string; checked: boolean; note?: string }) =>
      ok(client.POST('/opportunities/{id}/criteria/{criterionId}', {
        params: { path: { id: v.id, criterionId: v.criterionId } }, body: { stage: v.stage, checked: v.checked, note: v.note || undefined },
      })),
    onSuccess: (o, v) => refresh(v.id, o.accountId),
  });
}

export function useCloseWon() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; body: BodyOf<'/opportunities/{id}/close-won', 'post'> }) =>
      ok(client.POST('/opportunities/{id}/close-won', { params: { path: { id: v.id } }, body: v.body })),
    onSuccess: (r, v) => refresh(v.id, r.opportunity.accountId),
  });
}

export function useCloseLost() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; reason: string; notes?: string }) =>
      ok(client.POST('/opportunities/{id}/close-lost', { params: { path: { id: v.id } }, body: { reason: v.reason, notes: v.notes || undefined } })),
    onSuccess: (o, v) => refresh(v.id, o.accountId),
  });
}

export function useSavePoc(opportunityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { version?: number; body: BodyOf<'/opportunities/{id}/poc', 'post'> & Omit<BodyOf<'/opportunities/{id}/poc', 'patch'>, 'version'> }) => {
      const params = { path: { id: opportunityId } };
      return v.version
        ? ok(client.PATCH('/opportunities/{id}/poc', { params, body: { ...v.body, version: v.version } }))
        : ok(client.POST('/opportunities/{id}/poc', { params, body: v.body }));
    },
    onSuccess: () => refresh(opportunityId),
  });
}

export function useRecordPocResult(opportunityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { criterionId: string; validated: boolean; result?: string | null; evidence?: string | null }) =>
      ok(client.POST('/opportunities/{id}/poc/criteria/{criterionId}', {
        params: { path: { id: opportunityId, criterionId: v.criterionId } }, body: { validated: v.validated, result: v.result, evidence: v.evidence },
      })),
    onSuccess: () => refresh(opportunityId),
  });
}

export function useCreateOpportunity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/opportunities', 'post'>) => ok(client.POST('/opportunities', { body })),
    onSuccess: (o) => refresh(o.id, o.accountId),
  });
}

/** Who may pass a gate with missing criteria (mirrors the server: admin and executive). */
export const canOverride = (role: string) => role === 'admin' || role === 'executive';
export const canSell = (role: string) => ['admin', 'executive', 'sales', 'sdr', 'partner'].includes(role);
export const canClose = (role: string) => ['admin', 'executive', 'sales', 'partner'].includes(role);
export const canEditPoc = (role: string) => canSell(role) || role === 'delivery';
export const CATEGORY_LABELS: Record<string, string> = { pipeline: 'Pipeline', best_case: 'Best case', commit: 'Commit', closed: 'Closed', omitted: 'Omitted' };

export function useUpdateOpportunity(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/opportunities/{id}', 'patch'>) => ok(client.PATCH('/opportunities/{id}', { params: { path: { id } }, body })),
    onSuccess: (o) => refresh(id, o.accountId),
  });
}
