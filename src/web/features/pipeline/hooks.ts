// Types and TanStack Query hooks of the pipeline: board, opportunity, gates, POC, closing, forecast.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface Card {
  id: string; name: string; stage: string; amount: number | null; currency: string; closeDate: string | null; probability: number;
  forecastCategory: string; stageEnteredAt: string; stageOverdueAt: string | null; ownerId: string | null; ownerName: string | null;
  partnerId: string | null; accountId: string; accountName: string; version: number; daysInStage: number;
  /** Longer in its stage than the playbook expects (the stage timer's flag). */
  overdue: boolean;
  /** Still open after its expected close date. */
  closeDatePassed: boolean; weighted: number | null;
}
export interface Column {
  stage: string; name: string; probability: number; forecastCategory: string; expectedDurationDays: { min: number; max: number } | null;
  count: number; amount: number; weighted: number; items: Card[]; nextCursor: string | null;
}
export interface BoardFilters { ownerId?: string; partnerId?: string; closeFrom?: string; closeTo?: string }

export interface Missing { stage: string; stageName: string; id: string; label: string }
export interface Criterion { id: string; label: string; checked: boolean; at?: string; byName?: string; note?: string | null }
export interface StageView {
  id: string; name: string; kind: 'open' | 'won' | 'lost'; probability: number; forecastCategory: string;
  expectedDurationDays: { min: number; max: number } | null; daysSpent: number; criteria: Criterion[];
}
export interface PocCriterion { id: string; measure: string; target: string; result: string | null; validated: boolean; evidence: string | null }
export interface Poc {
  id: string; version: number; status: 'planned' | 'running' | 'completed' | 'failed'; scope: string | null; sowSignedAt: string | null;
  sowSignedBy: string | null; startDate: string | null; endDate: string | null; successCriteria: PocCriterion[];
  environmentChecklist: { id: string; label: string; done: boolean }[]; plan: { week: number; startDate: string; endDate: string; milestones: string[] }[];
  findings: string | null; fee: number; currency: string; feeCredited: boolean; passed: boolean; gaps: string[];
}
export interface Contract {
  id: string; arr: number; currency: string; termMonths: number; startDate: string; endDate: string; modules: string[];
  servicesFee: number; pocFeeCredit: number; status: string; kpis: unknown[];
  paymentSchedule: { milestoneId: string; name: string; week: number; percent: number; amount: number; plannedDate: string }[];
}
export interface HistoryRow { id: string; fromStage: string | null; toStage: string; at: string; actorName: string | null; overrideReason: string | null; missingCriteria: Missing[] | null }
export interface Opportunity {
  id: string; version: number; name: string; accountId: string; accountName: string; industry: string | null; stage: string; stageName: string;
  stageKind: 'open' | 'won' | 'lost'; amount: number | null; currency: string; closeDate: string | null; probability: number; probabilityManual: boolean;
  forecastCategory: string; forecastCategoryManual: boolean; ownerId: string | null; ownerName: string | null; partnerId: string | null;
  stageEnteredAt: string; daysInStage: number; overdue: boolean; closeDatePassed: boolean; lossReason: string | null; lossNotes: string | null;
  stages: StageView[]; history: HistoryRow[]; poc: Poc | null; contract: Contract | null; lossReasons: { id: string; label: string }[];
}
export interface ForecastRow { period: string; label: string; ownerId: string | null; ownerName: string | null; pipeline: number; bestCase: number; commit: number; closedWon: number; weighted: number; open: number; won: number }
export interface Forecast { period: 'month' | 'quarter'; from: string; to: string; currency: string; periods: Omit<ForecastRow, 'ownerId' | 'ownerName' | 'open' | 'won'>[]; items: ForecastRow[] }

export const pipelineKeys = {
  board: (f: BoardFilters) => ['pipeline', 'board', f] as const,
  one: (id: string) => ['pipeline', 'opportunity', id] as const,
  forecast: (p: string, owner?: string) => ['pipeline', 'forecast', p, owner ?? ''] as const,
};

export function useBoard(f: BoardFilters) {
  return useQuery({
    queryKey: pipelineKeys.board(f),
    queryFn: ({ signal }) => api.get<{ columns: Column[] }>('/pipeline/board', { ...f, limit: 12 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: pipelineKeys.one(id),
    queryFn: ({ signal }) => api.get<Opportunity>(`/opportunities/${encodeURIComponent(id)}`, undefined, signal),
    retry: (n, e) => ![400, 404, 422].includes((e as { status?: number }).status ?? 0) && n < 2,
  });
}

export function useForecast(period: 'month' | 'quarter', owner?: string) {
  return useQuery({
    queryKey: pipelineKeys.forecast(period, owner),
    queryFn: ({ signal }) => api.get<Forecast>('/pipeline/forecast', { period, owner }, signal),
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
      api.post<{ accountId: string }>(`/opportunities/${v.id}/advance`, { toStage: v.toStage, overrideReason: v.overrideReason }),
    onSuccess: (o, v) => refresh(v.id, o.accountId),
  });
}

export function useSetCriterion() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; stage: string; criterionId: string; checked: boolean; note?: string }) =>
      api.post<{ accountId: string }>(`/opportunities/${v.id}/criteria/${v.criterionId}`, { stage: v.stage, checked: v.checked, note: v.note || undefined }),
    onSuccess: (o, v) => refresh(v.id, o.accountId),
  });
}

export function useCloseWon() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; body: Record<string, unknown> }) => api.post<{ opportunity: { accountId: string } }>(`/opportunities/${v.id}/close-won`, v.body),
    onSuccess: (r, v) => refresh(v.id, r.opportunity.accountId),
  });
}

export function useCloseLost() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; reason: string; notes?: string }) => api.post<{ accountId: string }>(`/opportunities/${v.id}/close-lost`, { reason: v.reason, notes: v.notes || undefined }),
    onSuccess: (o, v) => refresh(v.id, o.accountId),
  });
}

export function useSavePoc(opportunityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { version?: number; body: Record<string, unknown> }) => (v.version
      ? api.patch<Poc>(`/opportunities/${opportunityId}/poc`, { ...v.body, version: v.version })
      : api.post<Poc>(`/opportunities/${opportunityId}/poc`, v.body)),
    onSuccess: () => refresh(opportunityId),
  });
}

export function useRecordPocResult(opportunityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { criterionId: string; validated: boolean; result?: string | null; evidence?: string | null }) =>
      api.post<Poc>(`/opportunities/${opportunityId}/poc/criteria/${v.criterionId}`, { validated: v.validated, result: v.result, evidence: v.evidence }),
    onSuccess: () => refresh(opportunityId),
  });
}

export function useCreateOpportunity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ id: string; accountId: string }>('/opportunities', body),
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
    mutationFn: (body: Record<string, unknown>) => api.patch<Opportunity>(`/opportunities/${encodeURIComponent(id)}`, body),
    onSuccess: (o) => refresh(id, o.accountId),
  });
}
