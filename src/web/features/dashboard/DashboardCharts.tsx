import { useComputedColorScheme } from '@mantine/core';
import { useMemo } from 'react';
import { LIFECYCLE_STAGES, SEGMENTS, STAGE_LABELS } from '../../../core/accounts/schemas';
import { formatMoney } from '../../lib/format';
import type { LifecycleStage } from '../../lib/types';
import { SEGMENT_COLORS } from '../../theme';
import { SEGMENT_LABELS } from '../../ui/Badges';
import { EChart, type EChartOption } from '../../ui/EChart';
import type { Portfolio } from './summary';

function useChartColors() {
  const dark = useComputedColorScheme('light') === 'dark';
  return useMemo(() => ({
    text: dark ? '#c9c9c9' : '#495057', strong: dark ? '#f1f3f5' : '#212529', muted: '#868e96',
    grid: dark ? '#373a40' : '#eef0f2', border: dark ? '#242424' : '#fff',
  }), [dark]);
}

export function StageBarChart({ p, onStage }: { p: Portfolio; onStage?: (stage: LifecycleStage) => void }) {
  const c = useChartColors();
  const option = useMemo<EChartOption>(() => ({
    color: [SEGMENT_COLORS.standard, SEGMENT_COLORS.strategic],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, textStyle: { color: c.text } },
    grid: { left: 8, right: 16, top: 16, bottom: 44, containLabel: true },
    xAxis: {
      type: 'category', data: LIFECYCLE_STAGES.map((s) => STAGE_LABELS[s]),
      axisLabel: { color: c.text, interval: 0, fontSize: 11, lineHeight: 14, formatter: (v: string) => v.replace(' & ', ' &\n').replace(' realization', '\nrealization') },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: c.text }, splitLine: { lineStyle: { color: c.grid } } },
    series: SEGMENTS.map((seg) => ({
      name: SEGMENT_LABELS[seg], type: 'bar', stack: 'accounts', barMaxWidth: 44,
      itemStyle: { borderRadius: seg === 'strategic' ? [4, 4, 0, 0] : 0 },
      data: LIFECYCLE_STAGES.map((s) => p.byStage[s][seg].accounts),
      emphasis: { focus: 'series' },
    })),
  }), [p, c]);
  return <EChart option={option} height={320} testId="chart-stages" label={`Accounts by lifecycle stage: ${LIFECYCLE_STAGES.map((s) => `${STAGE_LABELS[s]} ${p.byStage[s].standard.accounts + p.byStage[s].strategic.accounts}`).join(', ')}`}
    onItemClick={(e) => onStage?.(LIFECYCLE_STAGES[e.dataIndex])} />;
}

export function SegmentDonut({ p }: { p: Portfolio }) {
  const c = useChartColors();
  const option = useMemo<EChartOption>(() => ({
    color: [SEGMENT_COLORS.strategic, SEGMENT_COLORS.standard],
    tooltip: { trigger: 'item', formatter: (x: { name: string; value: number; percent: number }) => `${x.name}<br/><b>${formatMoney(x.value)}</b> (${x.percent}%)` },
    title: { text: formatMoney(p.arr, 'USD', { compact: true }), subtext: 'total ARR', left: 'center', top: '35%', itemGap: 10, textStyle: { fontSize: 22, fontWeight: 700, color: c.strong }, subtextStyle: { fontSize: 12, color: c.muted } },
    legend: { bottom: 0, textStyle: { color: c.text } },
    series: [{
      name: 'ARR by segment', type: 'pie', radius: ['52%', '78%'], center: ['50%', '45%'], avoidLabelOverlap: true,
      itemStyle: { borderColor: c.border, borderWidth: 2 },
      label: { show: false },
      labelLine: { show: false },
      data: [{ name: SEGMENT_LABELS.strategic, value: p.arrBySegment.strategic }, { name: SEGMENT_LABELS.standard, value: p.arrBySegment.standard }],
    }],
  }), [p, c]);
  return <EChart option={option} height={320} testId="chart-segments" label={`ARR by segment: strategic ${formatMoney(p.arrBySegment.strategic)}, standard ${formatMoney(p.arrBySegment.standard)}`} />;
}
