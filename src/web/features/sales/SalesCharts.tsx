// Charts of the sales dashboard (ECharts): lead volume by channel, the funnel, pipeline by stage, response time vs target.
import { Text, useComputedColorScheme } from '@mantine/core';
import { FunnelChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { formatMoney } from '../../lib/format';
import { EChart, type EChartOption } from '../../ui/EChart';
import type { SalesMetricsView } from './hooks';

echarts.use([FunnelChart, MarkLineComponent]);

function useColors() {
  const dark = useComputedColorScheme('light') === 'dark';
  return useMemo(() => ({ text: dark ? '#c9c9c9' : '#495057', grid: dark ? '#373a40' : '#eef0f2', brand: '#0f766e', accent: '#4f46e5', warn: '#e8590c' }), [dark]);
}

export function LeadVolumeChart({ m }: { m: SalesMetricsView }) {
  const c = useColors();
  const option = useMemo<EChartOption>(() => ({
    color: [c.brand],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: c.text }, splitLine: { lineStyle: { color: c.grid } } },
    yAxis: { type: 'category', inverse: true, data: m.leadVolume.map((l) => l.label), axisLabel: { color: c.text } },
    series: [{ name: 'Leads', type: 'bar', barMaxWidth: 22, data: m.leadVolume.map((l) => l.leads), itemStyle: { borderRadius: [0, 4, 4, 0] } }],
  }), [m, c]);
  if (m.leadVolume.length === 0) return <Text size="sm" c="dimmed" py="xl" ta="center" data-testid="chart-lead-volume">No leads were created in this period.</Text>;
  return <EChart option={option} height={Math.max(180, m.leadVolume.length * 34 + 40)} testId="chart-lead-volume"
    label={`Lead volume by channel: ${m.leadVolume.map((l) => `${l.label} ${l.leads}`).join(', ') || 'no leads'}`} />;
}

export function FunnelView({ m }: { m: SalesMetricsView }) {
  const c = useColors();
  const option = useMemo<EChartOption>(() => ({
    color: ['#134e4a', '#115e59', '#0f766e', '#0d9488', '#14b8a6', '#2dd4bf', '#5eead4', '#4f46e5'],
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const f = m.funnel[p.dataIndex];
        return `<b>${f.label}: ${f.count}</b><br/>${f.fromLeads} started as a lead, ${f.withoutLead} deals without a lead<br/>Reached: ${f.definition}`;
      },
    },
    series: [{
      name: 'Funnel', type: 'funnel', left: '8%', width: '84%', top: 8, bottom: 8, sort: 'none', minSize: '12%', gap: 2,
      label: { show: true, position: 'inside', color: '#fff', formatter: '{b}  {c}' },
      data: m.funnel.map((f) => ({ name: f.label, value: f.count })),
    }],
  }), [m, c]);
  return <EChart option={option} height={300} testId="chart-funnel" label={`Funnel: ${m.funnel.map((f) => `${f.label} ${f.count}`).join(', ')}`} />;
}

export function PipelineChart({ m, currency }: { m: SalesMetricsView; currency: string }) {
  const c = useColors();
  const option = useMemo<EChartOption>(() => ({
    color: [c.brand, c.accent],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatMoney(v, currency) },
    legend: { bottom: 0, textStyle: { color: c.text } },
    grid: { left: 8, right: 16, top: 12, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: m.pipeline.map((p) => `${p.label} (${p.deals})`), axisLabel: { color: c.text } },
    yAxis: { type: 'value', axisLabel: { color: c.text, formatter: (v: number) => formatMoney(v, currency, { compact: true }) }, splitLine: { lineStyle: { color: c.grid } } },
    series: [
      { name: 'Amount', type: 'bar', barMaxWidth: 40, data: m.pipeline.map((p) => p.amount), itemStyle: { borderRadius: [4, 4, 0, 0] } },
      { name: 'Weighted', type: 'bar', barMaxWidth: 40, data: m.pipeline.map((p) => Math.round(p.weighted)), itemStyle: { borderRadius: [4, 4, 0, 0] } },
    ],
  }), [m, c, currency]);
  return <EChart option={option} height={300} testId="chart-pipeline"
    label={`Pipeline by stage: ${m.pipeline.map((p) => `${p.label} ${p.deals} deals ${formatMoney(p.amount, currency)}`).join(', ')}`} />;
}

/** Median and 90th percentile of the calendar hours to a first response, against the playbook's response-time target. */
export function ResponseChart({ m }: { m: SalesMetricsView }) {
  const c = useColors();
  const medianMetric = m.metrics.find((x) => x.id === 'lead_response_median');
  const med = medianMetric?.value ?? null;
  const p90 = m.metrics.find((x) => x.id === 'lead_response_p90')?.value ?? null;
  const target = medianMetric?.target?.target ?? null;
  const targetLabel = target === null ? '' : `Target < ${target} h`;
  const option = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v?.toFixed?.(1) ?? v} h` },
    grid: { left: 8, right: 40, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: 'hours', axisLabel: { color: c.text }, splitLine: { lineStyle: { color: c.grid } }, max: (v: { max: number }) => Math.max(v.max, target ?? 0) * 1.1 },
    yAxis: { type: 'category', data: ['Median', '90th percentile'], axisLabel: { color: c.text } },
    series: [{
      name: 'First response', type: 'bar', barMaxWidth: 26,
      data: [med, p90].map((v) => ({ value: v === null ? 0 : Number(v.toFixed(2)), itemStyle: { color: v !== null && target !== null && v >= target ? c.warn : c.brand } })),
      markLine: target === null ? undefined : { symbol: 'none', lineStyle: { color: c.warn, type: 'dashed' }, label: { formatter: targetLabel, color: c.text }, data: [{ xAxis: target }] },
    }],
  }), [med, p90, target, targetLabel, c]);
  if (med === null) return <Text size="sm" c="dimmed" py="lg" ta="center" data-testid="chart-response">No first responses recorded for leads of this period.</Text>;
  return <EChart option={option} height={150} testId="chart-response"
    label={`Lead first response: median ${med.toFixed(1)} h, 90th percentile ${p90 === null ? 'no data' : `${p90.toFixed(1)} h`}${target === null ? '' : `, target under ${target} h`}`} />;
}
