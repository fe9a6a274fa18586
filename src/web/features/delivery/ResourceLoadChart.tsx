// Resource load: planned hours per week, stacked by owner. A person's week above capacity is over-allocated: its
// segment is outlined in red and hatched, and listed under the chart. Capacity is the plan's own rule: estimates are
// sized at 40 hours per 7-day week (core/delivery/plan.ts estimateFor), unless the API states another capacity.
import { Group, Stack, Text, useComputedColorScheme } from '@mantine/core';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { estimateFor } from '../../../core/delivery/plan';
import { formatDate } from '../../lib/format';
import { EChart, type EChartOption } from '../../ui/EChart';
import type { ResourceLoad } from './hooks';

echarts.use([MarkLineComponent]);

/** Hours one person is planned for in a full week by the plan's estimate rule. */
export const WEEK_CAPACITY = estimateFor(7);
const PALETTE = ['#0f766e', '#4f46e5', '#0891b2', '#7c3aed', '#65a30d', '#c2410c', '#0369a1', '#be185d', '#4d7c0f', '#a16207'];

export function ResourceLoadChart({ load, height = 320 }: { load: ResourceLoad; height?: number }) {
  const dark = useComputedColorScheme('light') === 'dark';
  const capacity = WEEK_CAPACITY;
  const rows = load.rows;
  const over = rows.flatMap((r) => r.weeks.filter((w) => w.hours > capacity).map((w) => ({ owner: r.ownerName ?? 'Unassigned', weekOf: w.weekOf, hours: w.hours })));
  // One line per over-allocated person: how many weeks, and the worst one.
  const byOwner = [...over.reduce((m, o) => {
    const x = m.get(o.owner) ?? { owner: o.owner, weeks: 0, peak: 0, peakWeek: o.weekOf };
    x.weeks += 1;
    if (o.hours > x.peak) { x.peak = o.hours; x.peakWeek = o.weekOf; }
    return m.set(o.owner, x);
  }, new Map<string, { owner: string; weeks: number; peak: number; peakWeek: string }>()).values()].sort((a, b) => b.peak - a.peak);
  const option = useMemo<EChartOption>(() => {
    const text = dark ? '#c9c9c9' : '#495057';
    const grid = dark ? '#373a40' : '#eef0f2';
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v} h` },
      legend: { type: 'scroll', bottom: 0, textStyle: { color: text } },
      grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: load.weekStarts.map((w) => `Wk ${formatDate(w).replace(/ \d{4}$/, '')}`), axisLabel: { color: text } },
      yAxis: { type: 'value', name: 'hours', axisLabel: { color: text }, splitLine: { lineStyle: { color: grid } } },
      series: rows.map((r, i) => ({
        name: r.ownerName ?? 'Unassigned', type: 'bar', stack: 'load', barMaxWidth: 48,
        data: r.weeks.map((w) => (w.hours > capacity
          ? { value: w.hours, itemStyle: { borderColor: '#e03131', borderWidth: 2, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4, color: 'rgba(224,49,49,0.35)' } } }
          : w.hours)),
        ...(i === 0 && rows.length === 1 ? { markLine: { silent: true, symbol: 'none', lineStyle: { color: '#e03131', type: 'dashed' }, label: { formatter: `Capacity ${capacity} h`, color: text }, data: [{ yAxis: capacity }] } } : {}),
      })),
    };
  }, [load, rows, capacity, dark]);
  if (rows.length === 0) return <Text size="sm" c="dimmed" ta="center" py="xl" data-testid="resource-load">No open tasks are planned in these weeks.</Text>;
  return (
    <Stack gap="xs">
      <EChart option={option} height={height} testId="resource-load"
        label={`Planned hours per week by owner: ${rows.map((r) => `${r.ownerName ?? 'Unassigned'} ${r.totalHours} h`).join(', ')}; ${over.length} over-allocated weeks`} />
      {byOwner.length > 0 ? (
        <Group gap="xs" wrap="wrap" data-testid="over-allocation">
          <Text size="sm" c="red.7" fw={600}>Over-allocated (over {capacity} h/week):</Text>
          {byOwner.map((o) => (
            <Text key={o.owner} size="sm" c="red.7">{o.owner}: {o.weeks} of {load.weekStarts.length} weeks, peak {Math.round(o.peak)} h (week of {formatDate(o.peakWeek).replace(/ \d{4}$/, '')})</Text>
          ))}
        </Group>
      ) : <Text size="sm" c="dimmed">Nobody is planned above {capacity} hours in a week.</Text>}
    </Stack>
  );
}
