// Cumulative net value by year with the payback point, from the live (unsaved) results.
import { useComputedColorScheme } from '@mantine/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { HypothesisResults } from '../../../core/value';
import { formatMoney } from '../../lib/format';
import { EChart, type EChartOption } from '../../ui/EChart';

// The shared EChart wrapper registers bars and pies; this chart adds the line, the payback marker and the zero line.
echarts.use([LineChart, ScatterChart, MarkLineComponent]);

/** Position at year 0 (after the up-front payment) and at each year end: Σ benefits − Σ costs so far. */
export function cumulativePoints(r: HypothesisResults): [number, number][] {
  return [[0, -(r.years[0]?.costs ?? 0)], ...r.years.map((y): [number, number] => [y.year, y.cumulative])];
}

export function CumulativeChart({ results }: { results: HypothesisResults }) {
  const dark = useComputedColorScheme('light') === 'dark';
  const c = results.currency;
  const points = cumulativePoints(results);
  const option = useMemo<EChartOption>(() => {
    const text = dark ? '#c9c9c9' : '#495057';
    const grid = dark ? '#373a40' : '#eef0f2';
    return {
      tooltip: { trigger: 'item', formatter: (p: { seriesName: string; value: [number, number] }) => (p.seriesName === 'Payback'
        ? `Payback after <b>${results.paybackMonths} months</b>` : `Year ${p.value[0]}: <b>${formatMoney(p.value[1], c)}</b>`) },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: results.horizonYears, interval: 1, axisLine: { onZero: false }, axisLabel: { color: text, formatter: (v: number) => `Year ${v}` }, splitLine: { show: false } },
      yAxis: { type: 'value', axisLabel: { color: text, formatter: (v: number) => formatMoney(v, c, { compact: true }) }, splitLine: { lineStyle: { color: grid } } },
      series: [
        {
          name: 'Cumulative net value', type: 'line', data: points, symbolSize: 8, lineStyle: { width: 3 }, color: '#2563eb',
          areaStyle: { opacity: 0.08 },
          markLine: { silent: true, symbol: 'none', lineStyle: { color: '#868e96', type: 'dashed' }, label: { show: false }, data: [{ yAxis: 0 }] },
        },
        ...(results.paybackMonths === null ? [] : [{
          name: 'Payback', type: 'scatter', data: [[results.paybackMonths / 12, 0]], symbolSize: 14, color: '#10b981',
          label: { show: true, position: 'bottom', distance: 8, color: text, formatter: `Payback ${results.paybackMonths} mo` },
        }]),
      ],
    };
  }, [points, results, dark, c]);
  const label = `Cumulative net value by year: ${points.map(([y, v]) => `year ${y} ${formatMoney(v, c)}`).join(', ')}; payback ${results.paybackMonths === null ? 'not within the horizon' : `after ${results.paybackMonths} months`}`;
  return <EChart option={option} height={240} label={label} testId="value-chart" />;
}
