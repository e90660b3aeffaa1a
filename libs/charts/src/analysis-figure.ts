/**
 * Plots of one analysis run from its stored curves and metrics, as ECharts options: χ(T) ZFC/FC
 * with the local-Tc distribution dχ/dT, R(T) per field, the XRD pattern with the fitted halo,
 * the DSC scan with Tg and Tx marked, the SAXS profile with its power-law fit (log–log). Pure
 * data → option; the web app draws it, and a server could render the same option to SVG.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import { FONT_FAMILY } from './report-figure';

/** One stored curve (x and y of equal length, axis labels with units). */
export interface Curve {
  x: number[];
  y: number[];
  xLabel: string;
  yLabel: string;
}

export type TechniqueKey = 'MAGNETIC' | 'RESISTANCE' | 'XRD' | 'SAXS' | 'DSC';

/** A vertical marker at a metric's value, e.g. Tc onset at 3.61 K. */
export interface Marker {
  label: string;
  x: number;
}

const PALETTE = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#76b7b2', '#b07aa1', '#9c755f'];

const pairs = (c: Curve): number[][] => c.x.flatMap((x, i) => (Number.isFinite(x) && Number.isFinite(c.y[i]) ? [[x, c.y[i]]] : []));

const num = (m: Record<string, unknown>, key: string): number | undefined => {
  const v = m[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** The markers a technique's metrics call for (those present and finite). */
export function analysisMarkers(technique: TechniqueKey, metrics: Record<string, unknown>): Marker[] {
  const defs: Record<TechniqueKey, [string, string][]> = {
    MAGNETIC: [
      ['tcOnsetK', 'Tc onset'],
      ['tcMidK', 'Tc mid'],
    ],
    RESISTANCE: [['tcK', 'Tc (50 %)']],
    XRD: [['q1InvA', 'q₁']],
    SAXS: [],
    DSC: [
      ['tgOnsetK', 'Tg'],
      ['txOnsetK', 'Tx'],
    ],
  };
  return defs[technique].flatMap(([key, label]) => {
    const x = num(metrics, key);
    return x === undefined ? [] : [{ label, x }];
  });
}

/** Which curves go on the main (left) axis, which on the secondary (right) axis, by technique. */
function splitCurves(technique: TechniqueKey, curves: Record<string, Curve>): { main: [string, Curve][]; secondary: [string, Curve][] } {
  const entries = Object.entries(curves);
  switch (technique) {
    case 'MAGNETIC':
      return { main: entries.filter(([k]) => k !== 'dChiDt'), secondary: entries.filter(([k]) => k === 'dChiDt') };
    case 'RESISTANCE':
      return { main: entries.filter(([k]) => k.startsWith('R(T)')), secondary: [] };
    case 'DSC':
      return { main: entries.filter(([k]) => k === 'heatFlow'), secondary: entries.filter(([k]) => k === 'relaxDifference') };
    default:
      return { main: entries, secondary: [] };
  }
}

/** Legend names readers know, in place of storage keys. */
const CURVE_NAMES: Record<string, string> = {
  chiZfc: 'χ ZFC',
  chiFc: 'χ FC',
  dChiDt: 'dχ/dT (local-Tc distribution)',
  pattern: 'pattern',
  haloFit: 'halo fit (pseudo-Voigt + background)',
  profile: 'I(q)',
  powerLaw: 'A·q⁻ⁿ + B fit',
  heatFlow: 'heat flow',
  relaxDifference: 'difference to reference',
};

/** Fitted curves are drawn dashed so measured data stand out. */
const isFit = (key: string) => /fit|powerLaw|Maki/i.test(key);

export interface AnalysisFigureOptions {
  /** A magnetic measurement's mode: its own sweep is stored as `chiZfc` whichever it is, so name it by the mode. */
  mode?: 'ZFC' | 'FC';
  /** Chart title (e.g. the file name). */
  title?: string;
  /** Accessible description (what the figure shows). */
  description?: string;
}

/**
 * The option for one analysis run: its curves (stored by the analyzer, already downsampled) on
 * value axes with the analyzer's labels and units, metric markers as vertical lines, SAXS on
 * log–log axes; dχ/dT, the local-Tc distribution, on a second axis.
 */
export function analysisFigureOption(
  technique: TechniqueKey,
  curves: Record<string, Curve>,
  metrics: Record<string, unknown>,
  options: AnalysisFigureOptions = {},
): EChartsOption {
  // A curve with no finite point (an FC partner that could not be read) gets no series or legend entry:
  // χ FC appears on a ZFC run only when the run was paired with a readable FC sweep.
  const drawable = Object.fromEntries(Object.entries(curves).filter(([, c]) => pairs(c).length > 0));
  const { main, secondary } = splitCurves(technique, drawable);
  const logAxes = technique === 'SAXS';
  const first = main[0]?.[1] ?? secondary[0]?.[1];
  const markers = analysisMarkers(technique, metrics);
  const series: LineSeriesOption[] = [];
  const nameOf = (key: string) => (key === 'chiZfc' && options.mode === 'FC' ? 'χ FC' : (CURVE_NAMES[key] ?? key));
  const line = (key: string, c: Curve, axis: number, color: string): LineSeriesOption => ({
    type: 'line',
    name: nameOf(key),
    yAxisIndex: axis,
    data: pairs(c),
    showSymbol: false,
    sampling: 'lttb',
    lineStyle: { width: isFit(key) ? 2 : 1.5, type: isFit(key) ? 'dashed' : 'solid', color },
    itemStyle: { color },
  });
  main.forEach(([k, c], i) => series.push(line(k, c, 0, PALETTE[i % PALETTE.length])));
  secondary.forEach(([k, c], i) => series.push(line(k, c, 1, PALETTE[(main.length + i) % PALETTE.length])));
  if (series.length > 0 && markers.length > 0) {
    series[0].markLine = {
      silent: true,
      symbol: 'none',
      label: { formatter: '{b}', position: 'insideEndTop' },
      lineStyle: { type: 'dotted', color: '#333' },
      data: markers.map((m) => ({ name: `${m.label} ${Number(m.x.toPrecision(4))}`, xAxis: m.x })),
    };
  }
  // χ_mass ZFC (emu/g/Oe) → χ_mass (emu/g/Oe): the legend says which sweep is which.
  const yName = (entries: [string, Curve][]) => entries[0]?.[1].yLabel.replace(/\s+(ZFC|FC)\b/, '') ?? '';
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    aria: { enabled: true, label: { description: options.description ?? `${technique} analysis: ${series.map((s) => s.name).join(', ')}` } },
    ...(options.title ? { title: { text: options.title, left: 'center', textStyle: { fontSize: 14 } } } : {}),
    tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 72, right: secondary.length ? 72 : 24, top: options.title ? 40 : 24, bottom: 64 },
    xAxis: { type: logAxes ? 'log' : 'value', name: first?.xLabel ?? '', nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: [
      { type: logAxes ? 'log' : 'value', name: yName(main), nameLocation: 'middle', nameGap: 56, scale: true },
      ...(secondary.length
        ? [{ type: 'value' as const, name: secondary[0][1].yLabel, nameLocation: 'middle' as const, nameGap: 56, scale: true, splitLine: { show: false } }]
        : []),
    ],
    series,
  };
}
