// The sales metrics query (GET /metrics/sales).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SalesMetrics } from '../../../core/metrics';
import { api } from '../../lib/api';

export type SalesMetricsView = SalesMetrics & { period: { from: string; to: string }; currency: string; playbookVersion: number };
export interface MetricsParams { from?: string; to?: string; owner?: string }

export function useSalesMetrics(p: MetricsParams) {
  return useQuery({
    queryKey: ['metrics', 'sales', p],
    queryFn: ({ signal }) => api.get<SalesMetricsView>('/metrics/sales', { ...p }, signal),
    placeholderData: keepPreviousData,
  });
}
