// The sales metrics query (GET /metrics/sales).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PeriodPreset, SalesMetrics } from '../../../core/metrics';
import { api } from '../../lib/api';

export type SalesMetricsView = SalesMetrics & { owner: string | null; playbookVersion: number };
export interface MetricsParams { period?: PeriodPreset; from?: string; to?: string; owner?: string }

export function useSalesMetrics(p: MetricsParams) {
  return useQuery({
    queryKey: ['metrics', 'sales', p],
    queryFn: ({ signal }) => api.get<SalesMetricsView>('/metrics/sales', { ...p }, signal),
    placeholderData: keepPreviousData,
  });
}
