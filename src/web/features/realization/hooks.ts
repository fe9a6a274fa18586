// Value realization (002 Act III): tracked KPIs with their trajectory, variance alerts, measurements by hand or CSV.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../client';
import type { Role } from '../../../core/access/roles';
import { formatKpiValue } from '../../../core/value/realization';
import { client, ok, type Schema } from '../../lib/api';

// The API's shapes, from the generated client.
export type KpiView = Schema<'KpiView'>;
export type KpiStatus = KpiView['status'];
export type KpiAlert = Schema<'KpiAlert'>;
export type Realization = Schema<'Realization'>;
export type CsvIngestResult = Schema<'KpiCsvResult'>;
export type AlertFilters = Omit<NonNullable<paths['/kpis/alerts']['get']['parameters']['query']>, 'limit' | 'cursor'>;

/** Mirrors server/modules/realization/realization.policy.ts. */
export const canMeasure = (r: Role) => (['admin', 'executive', 'delivery', 'csm'] as Role[]).includes(r);

export const realizationKeys = {
  all: ['realization'] as const,
  kpis: (f: { accountId?: string; projectId?: string }) => ['realization', 'kpis', f] as const,
  alerts: (f: AlertFilters) => ['realization', 'alerts', f] as const,
  summary: (accountId: string) => ['realization', 'summary', accountId] as const,
};

const noRetryOn4xx = (n: number, e: Error) => { const s = (e as { status?: number }).status ?? 0; return !(s >= 400 && s < 500) && n < 2; };

export function useKpis(f: { accountId?: string; projectId?: string }, enabled = true) {
  return useQuery({
    queryKey: realizationKeys.kpis(f), enabled: enabled && !!(f.accountId || f.projectId), retry: noRetryOn4xx,
    queryFn: async ({ signal }) => (await ok(client.GET('/kpis', { params: { query: { ...f, measurements: 200 } }, signal }))).items,
  });
}

export function useAlerts(f: AlertFilters = {}) {
  return useQuery({
    queryKey: realizationKeys.alerts(f), retry: noRetryOn4xx,
    queryFn: ({ signal }) => ok(client.GET('/kpis/alerts', { params: { query: { ...f, limit: 100 } }, signal })),
  });
}

export function useRealization(accountId: string | null | undefined) {
  return useQuery({
    queryKey: realizationKeys.summary(accountId ?? ''), enabled: !!accountId, retry: noRetryOn4xx,
    queryFn: ({ signal }) => ok(client.GET('/value/accounts/{id}/realization', { params: { path: { id: accountId! } }, signal })),
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
      ok(client.POST('/kpis/{id}/measurements', { params: { path: { id: v.kpiId } }, body: { value: v.value, measuredAt: v.measuredAt } })),
    onSuccess: refresh,
  });
}

export function useDecideAlert() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id: string; to: 'acknowledge' | 'resolve'; note?: string }) => {
      const init = { params: { path: { id: v.id } }, body: { note: v.note || undefined } };
      return ok(v.to === 'acknowledge' ? client.POST('/kpis/alerts/{id}/acknowledge', init) : client.POST('/kpis/alerts/{id}/resolve', init));
    },
    onSuccess: refresh,
  });
}

/** The CSV upload sends the file itself as the body (text/csv), not JSON: the body goes out as it is. */
export function useUploadCsv() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (v: { file: File; accountId?: string }) => ok(client.POST('/kpis/measurements/csv', {
      params: { query: { accountId: v.accountId } }, body: await v.file.text(),
      headers: { 'content-type': 'text/csv' }, bodySerializer: (b) => b as string,
    })),
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
