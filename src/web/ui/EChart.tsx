// A thin React wrapper around ECharts (tree-shaken: only the charts and components we use are registered).
import { Box, type BoxProps } from '@mantine/core';
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, AriaComponent, SVGRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

interface Props extends BoxProps {
  option: EChartOption;
  height?: number;
  /** Accessible name of the chart (it is announced as an image; the data is also listed in the page text). */
  label: string;
  onItemClick?: (params: { name: string; dataIndex: number; seriesIndex?: number; data: unknown }) => void;
  testId?: string;
}

export function EChart({ option, height = 300, label, onItemClick, testId, ...box }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (p) => clickRef.current?.(p as never));
    const ro = new ResizeObserver(() => instance.resize());
    ro.observe(ref.current);
    return () => { ro.disconnect(); instance.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animationDuration: 400, ...option }, { notMerge: true });
  }, [option]);

  return <Box ref={ref} role="img" aria-label={label} data-testid={testId} h={height} w="100%" {...box} />;
}
