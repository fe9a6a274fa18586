// The deal-risk assessment of an opportunity (BANT gaps, sponsor, stakeholders, POC criteria, staleness).
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Severity } from '../../../core/value';
import { IconShield } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { useDealRisk } from './hooks';

const COLOR: Record<Severity | 'none', string> = { high: 'red', medium: 'orange', low: 'gray', none: 'teal' };

export function DealRiskPanel({ opportunityId }: { opportunityId: string }) {
  const q = useDealRisk(opportunityId);
  return (
    <Card data-testid="deal-risk">
      <Group justify="space-between" mb="sm">
        <Title order={3}>Deal risk</Title>
        {q.data && <Badge size="lg" color={COLOR[q.data.level]} variant="filled" data-testid="risk-level">{q.data.level === 'none' ? 'closed' : `${q.data.level} risk`}</Badge>}
      </Group>
      {q.isPending ? <BlockSkeleton rows={3} />
        : q.isError ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
          : q.data.risks.length === 0
            ? <Empty title={q.data.level === 'none' ? 'The deal is closed' : 'No risks found'} icon={<IconShield size={28} />}>BANT, sponsor, stakeholders, POC and activity look healthy.</Empty>
            : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {q.data.risks.map((r) => (
                  <li key={r.id} data-risk={r.id}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Badge color={COLOR[r.severity]} variant="light" miw={86}>{r.severity}</Badge>
                      <div>
                        <Text size="sm" fw={600}>{r.title}</Text>
                        <Text size="sm" c="dimmed">{r.explanation}</Text>
                      </div>
                    </Group>
                  </li>
                ))}
              </Stack>
            )}
    </Card>
  );
}
