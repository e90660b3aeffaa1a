/**
 * The plots of one analysis run as ECharts options, one per panel of the run's plot data
 * (libs/analysis `analysisPlot`, served by GET /api/analyses/:id/plot): χ(T) ZFC/FC, the local-Tc
 * distribution with its fitted Gaussians, R(T) per channel, the XRD pattern with the fitted halo
 * and the SNIP background, the DSC scan with Tg and Tx, the SAXS profile with its A·q⁻ⁿ + B fit.
 * Pure data → option, with the caption that is each chart's text alternative; the web app draws
 * the option, and the API can render the same option to SVG.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { PlotFact, PlotPanel, PlotSeries } from '../../analysis/src/plots/plot.types';
import { formatNumber, formatWithError } from './format';
import { FONT_FAMILY } from './report-figure';

export type { AnalysisPlot, PlotFact, PlotMarker, PlotPanel, PlotSeries } from '../../analysis/src/plots/plot.types';

const PALETTE = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#76b7b2', '#b07aa1', '#9c755f'];
const BACKGROUND_COLOR = '#7f7f7f';

/** "μ ZFC = 3.407 ± 0.0005 K": a fact as a caption states it. */
export function formatFact(f: PlotFact): string {
  const value = f.error !== null ? formatWithError(f.value, f.error) : formatNumber(f.value);
  return `${f.label} = ${value}${f.unit ? ` ${f.unit}` : ''}`;
}

/**
 * The text alternative of a panel: what it draws, the figures it marks, and its notes (e.g. a
 * truncated sweep), in sentences a screen reader reads and a caption shows.
 */
export function analysisPanelCaption(panel: PlotPanel): string {
  const facts = panel.facts.filter((f) => f.value !== null).map(formatFact);
  return [`${panel.title}: ${panel.series.map((s) => s.name).join(', ')}.`, facts.length ? `${facts.join('; ')}.` : '', ...panel.notes.map((n) => `${n}.`)]
    .filter(Boolean)
    .join(' ');
}

function line(s: PlotSeries, color: string, emphasise: boolean): LineSeriesOption {
  const dashed = s.role === 'fit';
  const width = s.highlight ? 2.5 : s.role === 'background' ? 1.2 : emphasise ? 1.2 : 1.6;
  const c = s.role === 'background' ? BACKGROUND_COLOR : color;
  return {
    type: 'line',
    name: s.name,
    yAxisIndex: s.axis,
    data: s.x.map((x, i) => [x, s.y[i]]),
    showSymbol: s.points,
    ...(s.points && { symbolSize: 8 }),
    // Points are bounded by the API already; LTTB keeps a narrow canvas from overdrawing.
    sampling: 'lttb',
    z: s.highlight ? 3 : 2,
    lineStyle: { width: s.points ? 0 : width, type: dashed ? 'dashed' : s.role === 'background' ? 'dotted' : 'solid', color: c },
    itemStyle: { color: c },
  };
}

/**
 * The option for one panel: measured series solid, fitted models dashed, backgrounds dotted grey,
 * the headline series (a resistance file's chosen channel) drawn stronger, markers as labelled
 * vertical lines, log axes where the panel asks (SAXS), a secondary axis when a series uses it.
 */
export function analysisPanelOption(panel: PlotPanel, options: { title?: string } = {}): EChartsOption {
  const anyHighlight = panel.series.some((s) => s.highlight);
  let colour = 0;
  const series = panel.series.map((s) =>
    line(s, s.role === 'background' ? BACKGROUND_COLOR : PALETTE[colour++ % PALETTE.length], anyHighlight && !s.highlight),
  );
  if (series.length > 0 && panel.markers.length > 0) {
    series[0].markLine = {
      silent: true,
      symbol: 'none',
      label: { formatter: '{b}', position: 'insideEndTop' },
      lineStyle: { type: 'dotted', color: '#333' },
      // Neighbouring markers (Tc onset and mid, μ ZFC and FC) take turns at the top and the middle, so their labels do not overlap.
      data: panel.markers.map((m, k) => ({
        name: `${m.label} ${formatNumber(m.x)}`,
        xAxis: m.x,
        ...(k % 2 === 1 && { label: { position: 'insideMiddleTop' as const } }),
      })),
    };
  }
  const secondary = panel.series.some((s) => s.axis === 1);
  const title = options.title ?? panel.title;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    aria: { enabled: true, label: { description: analysisPanelCaption(panel) } },
    title: { text: title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'normal' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 72, right: secondary ? 72 : 24, top: 36, bottom: 64 },
    xAxis: { type: panel.xLog ? 'log' : 'value', name: panel.xLabel, nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: [
      { type: panel.yLog ? 'log' : 'value', name: panel.yLabel, nameLocation: 'middle', nameGap: 56, scale: true },
      ...(secondary
        ? [{ type: 'value' as const, name: panel.y2Label ?? '', nameLocation: 'middle' as const, nameGap: 56, scale: true, splitLine: { show: false } }]
        : []),
    ],
    series,
  };
}
