// The value graph of one opportunity: hypothesis, deal risk, commitment and the agents' runs, full width.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDate, formatMoney, humanize } from '../../lib/format';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, PageLoader } from '../../ui/QueryState';
import { ArtifactsList } from './ArtifactsList';
import { CommitmentEditor } from './CommitmentEditor';
import { DealRiskPanel } from './DealRiskPanel';
import { useValueOverview } from './hooks';
import { ValueHypothesisPanel } from './ValueHypothesisPanel';

export function ValuePage() {
  const { id = '' } = useParams();
  const q = useValueOverview(id);
  if (q.isPending) return <PageLoader label="Loading the value graph…" />;
  if (q.isError) {
    const status = (q.error as { status?: number }).status;
    if (status === 404 || status === 400 || status === 422) return <NotFound title="Opportunity not found" message="This opportunity does not exist or is not shared with you." />;
    return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  }
  const { opportunity: o, account } = q.data;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Pipeline', to: '/pipeline' }, { label: o.name, to: `/opportunities/${o.id}` }, { label: 'Value' }]}
        title={<span data-testid="value-title">{o.name}: business case</span>}
      >
        <Group gap="xs" mt={4}>
          <Anchor component={Link} to={`/accounts/${account.id}`} size="sm">{account.name}</Anchor>
          <Badge variant="light">{humanize(o.stage)}</Badge>
          {o.amount != null && o.amount > 0 && <Badge color="dark" variant="outline">{formatMoney(o.amount, o.currency)} / year</Badge>}
          <Text size="sm" c="dimmed">close {formatDate(o.closeDate)}</Text>
        </Group>
      </PageHeader>
      <Stack gap="lg">
        <ValueHypothesisPanel opportunityId={o.id} accountId={account.id} />
        <DealRiskPanel opportunityId={o.id} />
        <CommitmentEditor overview={q.data} />
        <ArtifactsList opportunityId={o.id} />
      </Stack>
    </>
  );
}
