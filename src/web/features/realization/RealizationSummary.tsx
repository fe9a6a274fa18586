// Realized value against the business case (002 Act III): realized annual value vs the promise, realization %, actual
// ROI against the hypothesis ROI, and open alerts. Shown to the customer ("ROI achieved") and to the account team.
import { SimpleGrid, Text } from '@mantine/core';
import { formatMoney } from '../../lib/format';
import { IconAlert, IconBolt, IconCoin, IconStar } from '../../ui/Icons';
import { KpiCard } from '../../ui/KpiCard';
import { BlockSkeleton, ErrorAlert } from '../../ui/QueryState';
import { useRealization } from './hooks';

export function RealizationSummary({ accountId }: { accountId: string }) {
  const q = useRealization(accountId);
  if (q.error) return (q.error as { status?: number }).status === 404 ? null : <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <BlockSkeleton rows={2} />;
  const r = q.data;
  if (r.kpis.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md" data-testid="realization-summary">
      <KpiCard label="Realized value / year" value={formatMoney(r.realizedAnnualValue, r.currency, { compact: true })}
        hint={`of ${formatMoney(r.promisedAnnualValue, r.currency, { compact: true })} promised`} icon={<IconCoin />} testId="kpi-realized" />
      <KpiCard label="Realization" value={r.realizationPercent === null ? '—' : `${r.realizationPercent} %`} hint={`Week ${r.week} of the value plan`} icon={<IconBolt />} testId="kpi-realization" />
      <KpiCard label="Actual ROI" value={r.actualRoiPercent === null ? '—' : `${r.actualRoiPercent} %`}
        hint={r.hypothesisRoiPercent === null ? 'No business case' : <Text span size="sm" c="dimmed">business case {r.hypothesisRoiPercent} %</Text>} icon={<IconStar />} testId="kpi-roi" />
      <KpiCard label="KPIs behind" value={r.openAlerts} hint={`more than ${r.thresholdPercent} % off the trajectory`} icon={<IconAlert />} color={r.openAlerts ? 'red' : 'teal'} testId="kpi-open-alerts" />
    </SimpleGrid>
  );
}
