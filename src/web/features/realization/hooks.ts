// Value realization (002 Act III): tracked KPIs with their trajectory, variance alerts, measurements by hand or CSV.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../core/access/roles';
import { formatKpiValue, type RealizationSummary } from '../../../core/value/realization';
import { api, ApiError, type Page } from '../../lib/api';
import { sessionKey } from '../../lib/auth';
import type { Session } from '../../lib/types';

export type KpiStatus = 'not_measured' | 'alert' | 'behind' | 'ahead' | 'on_track';
export interface OpenAlert { id: string; status: string; variancePercent: number; measuredAt: string; taskId: string | null; createdAt: string }
export interface KpiView {
  id: string; accountId: string; accountName: string; contractId: string | null; projectId: string | null; key: string; name: string; unit: string;
  betterWhen: 'higher' | 'lower'; baseline: number; target: number; startDate: string; deadline: string; ownerName: string | null; clause: string | null;
  annualValueAtTarget: number; currency: string; lastValue: number | null; lastMeasuredAt: string | null; lastExpected: number | null;
  expectedNow: number; progressPercent: number | null; variancePercent: number | null; status: KpiStatus; thresholdPercent: number;
  openAlert: OpenAlert | null; trajectory: { date: string; value: number }[]; measurements?: { measuredAt: string; value: number; source: string }[];
}
export interface KpiAlert {
  id: string; kpiId: string; accountId: string; projectId: string | null; measuredAt: string; actual: number; expected: number;
  variancePercent: number; thresholdPercent: number; status: 'open' | 'acknowledged' | 'resolved'; taskId: string | null; createdAt: string;
  kpiName: string; kpiKey: string; unit: string; accountName: string; taskTitle: string | null; taskStatus: string | null;
}
export interface IngestResult {
  received: number; inserted: number; corrected: number; unchanged: number; duplicates: number; evaluated: number;
  rejected: { line?: number; column?: string | null; value?: unknown; message: string }[] | number | unknown; alertsRaised: unknown[];
  errors?: { line?: number; column?: string | null; value?: unknown; message: string }[];
}
export type Realization = RealizationSummary & {
  accountId: string; accountName: string; week: number; startDate: string | null; currency: string; thresholdPercent: number; openAlerts: number;
  hypothesis: { annualBenefit: number; totalBenefits: number; totalCosts: number; roiPercent: number | null; count: number } | null;
  kpis: (Pick<KpiView, 'id' | 'key' | 'name' | 'unit' | 'baseline' | 'target' | 'deadline' | 'lastValue' | 'expectedNow' | 'progressPercent' | 'variancePercent' | 'status' | 'annualValueAtTarget'> & { realizedAnnualValue: number })[];
};

/** Mirrors server/modules/realization/realization.policy.ts. */
export const canMeasure = (r: Role) => (['admin', 'executive', 'delivery', 'csm'] as Role[]).includes(r);

export const realizationKeys = {
  all: ['realization'] as const,
  kpis: (f: { accountId?: string; projectId?: string }) => ['realization', 'kpis', f] as const,
  alerts: (f: { projectId?: string; accountId?: string; status?: string }) => ['realization', 'alerts', f] as const,
  summary: (accountId: string) => ['realization', 'summary', accountId] as const,
};

const noRetryOn4xx = (n: number, e: Error) => { const s = (e as { status?: number }).status ?? 0; return !(s >= 400 && s < 500) && n < 2; };

export function useKpis(f: { accountId?: string; projectId?: string }, enabled = true) {
  return useQuery({
    queryKey: realizationKeys.kpis(f), enabled: enabled && !!(f.accountId || f.projectId), retry: noRetryOn4xx,
    queryFn: async ({ signal }) => (await api.get<Page<KpiView>>('/kpis', { ...f, measurements: 200 }, signal)).items,
  });
}

export function useAlerts(f: { projectId?: string; accountId?: string; status?: string } = {}) {
  return useQuery({
    queryKey: realizationKeys.alerts(f), retry: noRetryOn4xx,
    queryFn: ({ signal }) => api.get<Page<KpiAlert>>('/kpis/alerts', { ...f, limit: 100 }, signal),
  });
}

export function useRealization(accountId: string | null | undefined) {
  return useQuery({
    queryKey: realizationKeys.summary(accountId ?? ''), enabled: !!accountId, retry: noRetryOn4xx,
    queryFn: ({ signal }) => api.get<Realization>(`/value/accounts/${accountId}/realization`, undefined, signal),
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: realizationKeys.all });
    qc.invalidateQueries({ queryKey: ['delivery'] });
  };
}

export function useRecordMeasurement() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { kpiId: string; value: number; measuredAt?: string }) =>
      api.post<{ outcome: string; alert: unknown }>(`/kpis/${v.kpiId}/measurements`, { value: v.value, measuredAt: v.measuredAt }),
    onSuccess: refresh,
  });
}

export function useDecideAlert() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; to: 'acknowledge' | 'resolve'; note?: string }) => api.post<KpiAlert>(`/kpis/alerts/${v.id}/${v.to}`, { note: v.note || undefined }),
    onSuccess: refresh,
  });
}

/** The CSV upload sends the file as the body (text/csv), which the JSON client does not do: same cookie and CSRF header. */
export function useUploadCsv() {
  const qc = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (v: { file: File; accountId?: string }) => {
      const csrf = qc.getQueryData<Session | null>(sessionKey)?.csrfToken;
      const res = await fetch(`/api/kpis/measurements/csv${v.accountId ? `?accountId=${v.accountId}` : ''}`, {
        method: 'POST', credentials: 'same-origin', body: await v.file.text(),
        headers: { 'content-type': 'text/csv', accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new ApiError({ title: body.title ?? 'Upload failed', status: res.status, code: body.code ?? 'error', detail: body.detail ?? `HTTP ${res.status}`, ...body });
      return body as IngestResult;
    },
    onSuccess: refresh,
  });
}

/** A KPI value in its unit (core formatter: "86 %", "$150,000/year", "134.4 hours/month"). */
export function formatKpi(v: number | null | undefined, unit: string, currency = 'USD'): string {
  return v === null || v === undefined ? '—' : formatKpiValue(v, unit, currency);
}

export function signedPercent(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  const r = Math.round(v * 10) / 10;
  return `${r > 0 ? '+' : ''}${r} %`;
}

export const KPI_STATUS: Record<KpiStatus, { label: string; color: string }> = {
  not_measured: { label: 'Not measured', color: 'gray' },
  alert: { label: 'Alert', color: 'red' },
  behind: { label: 'Behind', color: 'orange' },
  ahead: { label: 'Ahead', color: 'teal' },
  on_track: { label: 'On track', color: 'teal' },
};
