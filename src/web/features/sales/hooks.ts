// The sales metrics query (GET /metrics/sales).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PeriodPreset } from '../../../core/metrics';
import { client, ok, type Schema } from '../../lib/api';

export type SalesMetricsView = Schema<'SalesMetrics'>;
export interface MetricsParams { period?: PeriodPreset; from?: string; to?: string; owner?: string }

export function useSalesMetrics(p: MetricsParams) {
  return useQuery({
    queryKey: ['metrics', 'sales', p],
    queryFn: ({ signal }) => ok(client.GET('/metrics/sales', { params: { query: p }, signal })),
    placeholderData: keepPreviousData,
  });
}
