// Charts of receivables: open balance per aging bucket (bars, later buckets redder) and the DSO trend over the last
// 12 month ends with the playbook's DSO target.
import { useComputedColorScheme } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { formatMoney } from '../../lib/format';
import { EChart, type EChartOption } from '../../ui/EChart';
import type { AgingBucket, DsoPoint } from './hooks';

echarts.use([LineChart, MarkLineComponent]);

const BUCKET_COLORS = ['#0f766e', '#f59f00', '#f76707', '#e03131', '#a61e4d'];

function useColors() {
  const dark = useComputedColorScheme('light') === 'dark';
  return useMemo(() => ({ text: dark ? '#c9c9c9' : '#495057', grid: dark ? '#373a40' : '#eef0f2' }), [dark]);
}

export function AgingChart({ buckets, currency }: { buckets: AgingBucket[]; currency: string }) {
  const c = useColors();
  const option = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (ps: { dataIndex: number }[]) => {
      const b = buckets[ps[0].dataIndex];
      return `${b.label}<br/><b>${formatMoney(b.amount, currency)}</b> in ${b.count} invoice${b.count === 1 ? '' : 's'}`;
    } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: buckets.map((b) => b.label), axisLabel: { color: c.text } },
    yAxis: { type: 'value', axisLabel: { color: c.text, formatter: (v: number) => formatMoney(v, currency, { compact: true }) }, splitLine: { lineStyle: { color: c.grid } } },
    series: [{
      name: 'Open balance', type: 'bar', barMaxWidth: 56,
      data: buckets.map((b, i) => ({ value: b.amount, itemStyle: { color: BUCKET_COLORS[Math.min(i, BUCKET_COLORS.length - 1)], borderRadius: [4, 4, 0, 0] } })),
      label: { show: true, position: 'top', color: c.text, formatter: (p: { value: number }) => (p.value ? formatMoney(p.value, currency, { compact: true }) : '') },
    }],
  }), [buckets, currency, c]);
  return <EChart option={option} height={280} testId="aging-chart"
    label={`Receivables aging: ${buckets.map((b) => `${b.label} ${formatMoney(b.amount, currency)} (${b.count})`).join(', ')}`} />;
}

export function DsoTrendChart({ trend, target }: { trend: DsoPoint[]; target: number | null }) {
  const c = useColors();
  const label = (p: DsoPoint) => new Date(`${p.date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const option = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? 'no billing' : `${v} days`) },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map(label), axisLabel: { color: c.text } },
    yAxis: { type: 'value', name: 'days', min: 0, axisLabel: { color: c.text }, splitLine: { lineStyle: { color: c.grid } }, max: (v: { max: number }) => Math.ceil(Math.max(v.max, target ?? 0) * 1.15) },
    series: [{
      name: 'DSO', type: 'line', data: trend.map((p) => p.dso), connectNulls: false, symbolSize: 7, color: '#2563eb', lineStyle: { width: 3 }, areaStyle: { opacity: 0.06 },
      ...(target !== null ? {
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#e8590c', type: 'dashed' }, label: { formatter: `Target ≤ ${target} d`, color: c.text, position: 'insideEndTop' }, data: [{ yAxis: target }] },
      } : {}),
    }],
  }), [trend, target, c]);
  return <EChart option={option} height={280} testId="dso-chart"
    label={`DSO by month: ${trend.map((p) => `${label(p)} ${p.dso ?? 'n/a'}`).join(', ')}${target !== null ? `; target ${target} days` : ''}`} />;
}
