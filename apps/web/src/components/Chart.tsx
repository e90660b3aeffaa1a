/**
 * An ECharts chart in the browser, drawn from an option built by libs/charts (the same builders
 * the API's SVG report uses). Only the chart types and components those builders use are bundled,
 * and this module loads with the pages that draw charts, not with the login page.
 */
import { CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { useEffect, useRef, useState } from 'react';

echarts.use([
  LineChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  TitleComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  GraphicComponent,
  AriaComponent,
  SVGRenderer,
  CanvasRenderer,
]);

export interface ChartProps {
  /** The option for a given pixel width (figures lay out their panels from it). */
  option: (width: number) => EChartsOption;
  height: number;
  /** What the figure shows, for screen readers. */
  label: string;
  /** Called with the clicked data item (e.g. a report point carrying its sampleId). */
  onItemClick?: (data: unknown) => void;
  testId?: string;
  /**
   * 'svg' keeps every mark in the DOM (the report figure: points to click, text to print);
   * 'canvas' draws a page of analysis plots several times faster.
   */
  renderer?: 'svg' | 'canvas';
}

export default function Chart({ option, height, label, onItemClick, testId, renderer = 'svg' }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [width, setWidth] = useState(0);
  // A page of 20 measurements draws its plots as they scroll into view, not all before the first paint.
  const [visible, setVisible] = useState(false);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const el = box.current!;
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: '200px' });
    seen.observe(el);
    return () => seen.disconnect();
  }, []);

  useEffect(() => {
    if (!visible) return;
    const el = box.current!;
    const c = echarts.init(el, null, { renderer });
    chart.current = c;
    c.on('click', (p) => click.current?.(p.data));
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
    // The renderer is fixed for the chart's life.
  }, [visible]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!chart.current || width === 0) return;
    chart.current.resize({ width, height });
    chart.current.setOption(option(width), { notMerge: true });
  }, [option, width, height]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
