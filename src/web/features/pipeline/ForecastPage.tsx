// The forecast: per period, the open amounts by forecast category and the won amounts (stacked), the weighted
// pipeline beside them, and the same figures per owner in a table.
import { Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useDirectory, userOptions } from '../../lib/directory';
import { formatMoney } from '../../lib/format';
import { EChart, type EChartOption } from '../../ui/EChart';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { useForecast } from './hooks';

const SERIES = [
  { key: 'closedWon', label: 'Closed won', color: '#2f9e44' },
  { key: 'commit', label: 'Commit', color: '#1971c2' },
  { key: 'bestCase', label: 'Best case', color: '#74c0fc' },
  { key: 'pipeline', label: 'Pipeline', color: '#ced4da' },
] as const;

export function ForecastPage() {
  const [period, setPeriod] = useState<'month' | 'quarter'>('quarter');
  const [owner, setOwner] = useState<string | null>(null);
  const q = useForecast(period, owner ?? undefined);
  const { users } = useDirectory();
  const f = q.data;
  const cur = f?.currency ?? 'USD';
  const option = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatMoney(v, cur) },
    legend: { bottom: 0 },
    grid: { left: 70, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: f?.periods.map((p) => p.label) ?? [] },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v, cur, { compact: true }) } },
    series: [
      ...SERIES.map((s) => ({ name: s.label, type: 'bar', stack: 'forecast', itemStyle: { color: s.color }, data: f?.periods.map((p) => p[s.key]) ?? [] })),
      { name: 'Weighted pipeline', type: 'bar', barGap: '10%', itemStyle: { color: '#f08c00' }, data: f?.periods.map((p) => p.weighted) ?? [] },
    ],
  }), [f, cur]);
  const label = f ? `Forecast by ${period}: ${f.periods.map((p) => `${p.label} commit ${formatMoney(p.commit, cur)}, won ${formatMoney(p.closedWon, cur)}`).join('; ')}` : 'Forecast';

  return (
    <>
      <PageHeader title="Forecast" description="Open opportunities by forecast category and closed-won amounts per period of the close date; weighted = Σ amount × probability." />
      <Group mb="md" align="flex-end">
        <SegmentedControl value={period} onChange={(v) => setPeriod(v as 'month' | 'quarter')} data={[{ value: 'month', label: 'Month' }, { value: 'quarter', label: 'Quarter' }]} aria-label="Period" />
        {users.length > 0 && <Select label="Owner" placeholder="Everyone" clearable searchable w={240} data={userOptions(users, ['sales', 'sdr', 'admin', 'executive'])} value={owner} onChange={setOwner} />}
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending ? <BlockSkeleton rows={8} /> : f && (
        <>
          <EChart option={option} label={label} height={340} testId="forecast-chart" />
          {f.items.length === 0 ? <Empty title="No opportunities close in this window" /> : (
            <Table striped withTableBorder mt="lg" data-testid="forecast-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Period</Table.Th><Table.Th>Owner</Table.Th>
                  {SERIES.map((s) => <Table.Th key={s.key} ta="right">{s.label}</Table.Th>)}
                  <Table.Th ta="right">Weighted</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.items.map((r) => (
                  <Table.Tr key={`${r.period}|${r.ownerId ?? ''}`}>
                    <Table.Td>{r.label}</Table.Td><Table.Td>{r.ownerName ?? <Text span c="dimmed" size="sm">Unassigned</Text>}</Table.Td>
                    {SERIES.map((s) => <Table.Td key={s.key} ta="right">{formatMoney(r[s.key], cur)}</Table.Td>)}
                    <Table.Td ta="right">{formatMoney(r.weighted, cur)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </>
  );
}
