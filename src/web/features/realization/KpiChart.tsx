// One KPI's baseline → target trajectory (dashed), its measurements, where the trajectory says it should be today,
// and the target line. Time axis: the trajectory's dates and the measurement instants share it.
import { useComputedColorScheme } from '@mantine/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../ui/EChart';
import { formatKpi, type KpiView } from './hooks';

echarts.use([LineChart, ScatterChart, MarkLineComponent]);

export function KpiChart({ kpi, height = 220 }: { kpi: KpiView; height?: number }) {
  const dark = useComputedColorScheme('light') === 'dark';
  const today = new Date().toISOString().slice(0, 10);
  const option = useMemo<EChartOption>(() => {
    const text = dark ? '#c9c9c9' : '#495057';
    const grid = dark ? '#373a40' : '#eef0f2';
    const fmt = (v: number) => formatKpi(v, kpi.unit, kpi.currency);
    const points = (kpi.measurements ?? []).map((m) => [m.measuredAt, m.value]);
    const behind = kpi.status === 'alert';
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmt(v) },
      legend: { bottom: 0, textStyle: { color: text }, itemWidth: 16 },
      grid: { left: 8, right: 16, top: 20, bottom: 34, containLabel: true },
      xAxis: { type: 'time', axisLabel: { color: text, hideOverlap: true }, splitLine: { show: false } },
      yAxis: {
        type: 'value', scale: true, axisLabel: { color: text, formatter: (v: number) => (kpi.unit === 'money/year' ? formatKpi(v, 'money/year', kpi.currency).replace('/year', '') : String(v)) },
        splitLine: { lineStyle: { color: grid } },
      },
      series: [
        {
          name: 'Trajectory', type: 'line', data: kpi.trajectory.map((p) => [p.date, p.value]), showSymbol: false, color: '#868e96',
          lineStyle: { type: 'dashed', width: 2 },
          markLine: {
            silent: true, symbol: 'none', lineStyle: { color: '#0f766e', type: 'dotted' },
            label: { formatter: `Target ${fmt(kpi.target)}`, color: text, position: 'insideEndTop' }, data: [{ yAxis: kpi.target }],
          },
        },
        { name: 'Measured', type: 'line', data: points, symbolSize: 6, color: behind ? '#e03131' : '#2563eb', lineStyle: { width: 2.5 } },
        { name: 'Expected now', type: 'scatter', data: [[today, kpi.expectedNow]], symbol: 'diamond', symbolSize: 12, color: '#e8590c' },
      ],
    };
  }, [kpi, dark, today]);
  const last = kpi.lastValue === null ? 'not measured yet' : `last ${formatKpi(kpi.lastValue, kpi.unit, kpi.currency)}`;
  return (
    <EChart option={option} height={height} testId={`kpi-chart-${kpi.key}`}
      label={`${kpi.name}: baseline ${formatKpi(kpi.baseline, kpi.unit, kpi.currency)} to target ${formatKpi(kpi.target, kpi.unit, kpi.currency)} by ${kpi.deadline}; expected now ${formatKpi(kpi.expectedNow, kpi.unit, kpi.currency)}, ${last}`} />
  );
}
