// The account's value (Account 360): the business case (promised benefits, costs, ROI) against what the contracted
// KPIs have realized so far, a link to each deal's value graph for roles that read it, and the KPIs with progress.
import { Anchor, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ACCOUNT_PANELS, mayFollow, mayUse } from '../../../core/access/pages';
import { useUser } from '../../lib/auth';
import { formatMoney } from '../../lib/format';
import { ErrorAlert } from '../../ui/QueryState';
import { KpisPanel } from '../realization/KpisPanel';
import { useRealization } from '../realization/hooks';
import { useAccountDeals } from './AccountDealsTab';

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Stack>
  );
}

const pct = (v: number | null) => (v === null ? '—' : `${v} %`);

function ValueSummary({ accountId }: { accountId: string }) {
  const user = useUser();
  const r = useRealization(accountId);
  const deals = useAccountDeals(accountId, mayUse(user.role, ACCOUNT_PANELS.opportunities));
  const withValue = (deals.data?.items ?? []).filter((d) => mayFollow(user.role, `/opportunities/${d.id}/value`));
  if (r.error) return <ErrorAlert error={r.error} onRetry={() => r.refetch()} />;
  const h = r.data?.hypothesis ?? null;
  // Figures only once there is something to measure: contracted KPIs or an accepted business case.
  const s = r.data && (r.data.kpis.length > 0 || h) ? r.data : null;
  if (!s && withValue.length === 0) return null;
  const cur = s?.currency ?? 'USD';
  return (
    <Card data-testid="value-summary">
      <Title order={3} mb="sm">Business case and realized value</Title>
      {s && (
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <Figure label="Promised / year" value={formatMoney(s.promisedAnnualValue, cur, { compact: true })} hint={s.promisedSource === 'hypothesis' ? 'from the business case' : 'KPIs at target'} />
          <Figure testId="value-realized" label="Realized / year" value={formatMoney(s.realizedAnnualValue, cur, { compact: true })} hint={`${pct(s.realizationPercent)} of the promise`} />
          <Figure label="ROI" value={pct(s.actualRoiPercent)} hint={h ? `business case ${pct(h.roiPercent)}` : undefined} />
          <Figure label="KPIs behind" value={String(s.openAlerts)} hint={`over ${s.thresholdPercent} % off trajectory`} />
        </SimpleGrid>
      )}
      {h && (
        <Text size="sm" c="dimmed" mt="sm">
          Business case: {formatMoney(h.totalBenefits, cur, { compact: true })} benefits against {formatMoney(h.totalCosts, cur, { compact: true })} costs
          {h.count > 1 ? `, over ${h.count} accepted hypotheses` : ''}.
        </Text>
      )}
      {withValue.length > 0 && (
        <>
          <Divider my="sm" />
          <Stack gap={4}>
            {withValue.map((d) => (
              <Group key={d.id} justify="space-between" wrap="nowrap">
                <Text size="sm" truncate>{d.name}</Text>
                <Anchor component={Link} to={`/opportunities/${d.id}/value`} size="sm" style={{ whiteSpace: 'nowrap' }}>Open the value graph →</Anchor>
              </Group>
            ))}
          </Stack>
        </>
      )}
    </Card>
  );
}

export function AccountValueTab({ accountId }: { accountId: string }) {
  return (
    <Stack data-testid="account-value">
      <ValueSummary accountId={accountId} />
      <KpisPanel accountId={accountId} title="Contracted KPIs" />
    </Stack>
  );
}
