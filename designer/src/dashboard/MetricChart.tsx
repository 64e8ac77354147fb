// One bar chart per metric, drawn with the parts of ECharts it needs only (bars, axes, tooltip, target line).
import { BarChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, ScatterChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export interface Bar {
  code: string;
  name: string;
  value: number;
  /** Below target: drawn red. Undefined where the metric has no target. */
  missed?: boolean;
  /** A target of this bar's own (bars of different metrics side by side): drawn as a dashed outline. */
  target?: number;
  tooltip: string;
}

export interface MetricChartProps {
  title: string;
  bars: readonly Bar[];
  /** A dashed line: the target, or a reference such as the statutory limit. */
  line?: { value: number; label: string; colour: string };
  /** Values are shares shown as percentages (0–100 on the axis). */
  percentAxis: boolean;
  onSelect: (code: string) => void;
  /** What a click on a bar opens, for the accessible name. */
  selectHint: string;
}

// Red and blue rather than red and green, which many people cannot tell apart.
const MISSED = '#cf1322';
const MET = '#2f6fad';
const NEUTRAL = '#6b7f91';

export function MetricChart({ title, bars, line, percentAxis, onSelect, selectHint }: MetricChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  const select = useRef(onSelect);
  const codes = useRef<string[]>([]);
  select.current = onSelect;

  useEffect(() => {
    const instance = echarts.init(element.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const code = codes.current[params.dataIndex];
      if (code) select.current(code);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    codes.current = bars.map((b) => b.code);
    const many = bars.length > 6;
    const scale = percentAxis ? 100 : 1;
    const max = percentAxis ? 100 : Math.max(1.2, ...bars.map((b) => b.value), line?.value ?? 0);
    const option: Option = {
      animation: false,
      grid: { left: 8, right: line ? 72 : 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const bar = bars[(params as { dataIndex: number }).dataIndex];
          return bar ? `${bar.name}<br/>${bar.tooltip}` : '';
        },
      },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.name),
        axisLabel: { interval: 0, rotate: many ? 40 : 0, fontSize: 12, color: '#434343' },
        axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: percentAxis ? 100 : Math.ceil(max * 10) / 10,
        axisLabel: { formatter: percentAxis ? '{value}%' : '{value}', color: '#595959' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: [
        ...(bars.some((b) => b.target !== undefined)
          ? [
              {
                // Each bar's own target: a red tick across the bar (a bullet chart).
                type: 'scatter' as const,
                silent: true,
                z: 3,
                tooltip: { show: false },
                symbol: 'rect',
                symbolSize: [64, 3],
                data: bars.map((b) => Math.round((b.target ?? 0) * scale * 10) / 10),
                itemStyle: { color: '#a8071a', opacity: 1 },
                label: { show: true, position: 'right' as const, formatter: '目标 {c}%', color: '#a8071a' },
              },
            ]
          : []),
        {
          type: 'bar',
          z: 2,
          barMaxWidth: bars.some((b) => b.target !== undefined) ? 48 : 36,
          cursor: 'pointer',
          data: bars.map((b) => ({
            value: Math.round(b.value * scale * 10) / 10,
            itemStyle: { color: b.missed === undefined ? NEUTRAL : b.missed ? MISSED : MET },
          })),
          label: {
            show: !many,
            position: bars.some((b) => b.target !== undefined) ? 'inside' : 'top',
            formatter: percentAxis ? '{c}%' : '{c}',
            color: bars.some((b) => b.target !== undefined) ? '#fff' : '#262626',
          },
          markLine: line
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: line.colour, width: 1.5 },
                label: {
                  formatter: line.label,
                  position: 'end',
                  color: line.colour,
                  width: 64,
                  overflow: 'break',
                },
                data: [{ yAxis: line.value * scale }],
              }
            : undefined,
        },
      ],
    };
    chart.current?.setOption(option, true);
  }, [bars, line, percentAxis]);

  return (
    <div
      ref={element}
      className="dash-chart"
      role="img"
      aria-label={`${title}柱状图（数据见下方表格；点击柱子${selectHint}）`}
    />
  );
}
