/**
 * The campaign report's figure as an ECharts option: three trend panels against the campaign
 * factor. Pure data → option, no DOM: the API renders it to SVG server-side
 * (src/modules/reports/render/report-svg.ts) and the web app draws the same option in the browser,
 * where `interactive` adds tooltips and per-piece click targets.
 */
import type {
  CustomSeriesRenderItem,
  EChartsOption,
  GraphicComponentOption,
  GridComponentOption,
  SeriesOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from 'echarts';
import { describeFactor, factorAxisName, type FactorSpec } from './format';

/** What the figure reads from a campaign report (CampaignReport satisfies it). */
export interface ReportFigureInput {
  campaign: { name: string; factor: FactorSpec };
  metrics: Record<string, { label: string; unit: string; levels: { level: number; mean: number | null; std: number | null }[] } | undefined>;
  pieces: { sampleId: string; code: string; level: number; values: Record<string, number | null> }[];
  fits: { chiExponential: { k: number; tauMin: number; y0: number } | null };
}

/** One panel of the figure: report metric key, fallback title and the y-axis name (units). */
export interface ReportPanel {
  key: string;
  title: string;
  yName: string;
}

/**
 * The panels the browser draws, left to right, and the metric the decay fit belongs to: the report
 * metrics the technique registry puts in the figure (libs/analysis/src/techniques.ts; the server
 * passes those, and report-svg.spec checks these match them). Kept here as data so the web bundle
 * does not load the analyzers.
 */
export const REPORT_PANELS: readonly ReportPanel[] = [
  { key: 'tcOnsetK', title: 'Tc onset', yName: 'Tc onset (K)' },
  { key: 'chiAbs1p8KEmuPerGOe', title: '|χ| at 1.8 K', yName: '|χ_mass| (emu g⁻¹ Oe⁻¹)' },
  { key: 'fcZfcRatio', title: 'FC/ZFC', yName: 'χ_FC / χ_ZFC at 1.8 K' },
];
export const DECAY_FIT_PANEL = 'chiAbs1p8KEmuPerGOe';

/** Stroke colour of the fitted exponential, also how tests find its path. */
export const FIT_CURVE_COLOR = '#d62728';
export const FIT_NAME = 'fit k·exp(−t/τ) + y0';
export const POINT_COLOR = '#4e79a7';
const MEAN_COLOR = '#1b1b1f';
export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

export interface ReportFigureOptions {
  /** Figure size in px (default 1200 × 460). */
  width?: number;
  height?: number;
  /** Browser use: tooltips naming each piece, and points that carry their sample id for clicks. */
  interactive?: boolean;
  /** The panels, left to right (default REPORT_PANELS). */
  panels?: readonly ReportPanel[];
  /** The panel whose metric carries the k·exp(−t/τ) + y0 fit (default DECAY_FIT_PANEL). */
  decayFitKey?: string;
}

/** A scatter point of one piece: [level, value], with the piece's code and id for tooltips and clicks. */
export interface PiecePoint {
  value: [number, number];
  name: string;
  sampleId: string;
}

/** Error bar of one level: vertical mean ± std line with caps and a wider tick at the mean. */
const renderErrorBar: CustomSeriesRenderItem = (_params, api) => {
  const x = api.value(0) as number;
  const [cx, cy] = api.coord([x, api.value(1)]);
  const [, yLow] = api.coord([x, api.value(2)]);
  const [, yHigh] = api.coord([x, api.value(3)]);
  const line = (x1: number, y1: number, x2: number, y2: number, lineWidth: number) => ({
    type: 'line' as const,
    shape: { x1, y1, x2, y2 },
    style: { stroke: MEAN_COLOR, lineWidth, fill: 'none' },
  });
  return {
    type: 'group',
    children: [
      line(cx, yLow, cx, yHigh, 1.5),
      line(cx - 5, yLow, cx + 5, yLow, 1.5),
      line(cx - 5, yHigh, cx + 5, yHigh, 1.5),
      line(cx - 10, cy, cx + 10, cy, 2.5),
    ],
  };
};

/**
 * The campaign name cut to what fits the figure's width. ECharts' own `overflow: 'truncate'`
 * measures text with estimated glyph widths during SSR and lets long bold titles run off the
 * edge, so cut by characters (≈ 13 px each at 18 px bold, wide glyphs included).
 */
function fitTitle(name: string, width: number): string {
  const max = Math.max(Math.floor((width - 40) / 13), 10);
  const chars = [...name];
  return chars.length <= max
    ? name
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Points of k·exp(−t/τ) + y0 dense enough to draw a smooth curve across the levels. */
export function exponentialCurve(fit: { k: number; tauMin: number; y0: number }, t0: number, t1: number, steps = 120): number[][] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = t0 + ((t1 - t0) * i) / steps;
    return [t, fit.k * Math.exp(-t / fit.tauMin) + fit.y0];
  });
}

/** Each piece with a finite value of `key`, as a scatter point. */
export function piecePoints(report: ReportFigureInput, key: string): PiecePoint[] {
  return report.pieces.flatMap((p) => {
    const v = p.values[key];
    return typeof v === 'number' && Number.isFinite(v) && Number.isFinite(p.level)
      ? [{ value: [p.level, v] as [number, number], name: p.code, sampleId: p.sampleId }]
      : [];
  });
}

/**
 * One figure with three panels against the campaign factor: Tc onset (K), |χ_mass|(1.8 K)
 * (emu g⁻¹ Oe⁻¹) and FC/ZFC at 1.8 K. Each shows every piece as a point and each level's
 * mean ± sample std as an error bar; the |χ| panel adds the fitted k·exp(−t/τ) + y0 when the
 * report has it. A panel without data says "no data".
 */
export function reportFigureOption(report: ReportFigureInput, options: ReportFigureOptions = {}): EChartsOption {
  const width = options.width ?? 1200;
  const height = options.height ?? 460;
  const interactive = options.interactive ?? false;
  const panels = options.panels ?? REPORT_PANELS;
  const decayFitKey = options.decayFitKey ?? DECAY_FIT_PANEL;
  const { factor } = report.campaign;
  const allLevels = report.pieces
    .map((p) => p.level)
    .concat(factor.levels)
    .filter(Number.isFinite);
  const tMin = allLevels.length ? Math.min(...allLevels) : 0;
  const tMax = allLevels.length ? Math.max(...allLevels) : 1;
  // Pixel layout: equal plot areas, room on the left of each for the y labels and name.
  const marginLeft = 78;
  const gap = 88;
  const plotWidth = (width - marginLeft - (panels.length - 1) * gap - 24) / Math.max(1, panels.length);
  const top = 128;
  const bottom = 64;
  const gridLeft = (i: number) => marginLeft + i * (plotWidth + gap);

  const titles: object[] = [
    {
      text: fitTitle(report.campaign.name, width),
      subtext: describeFactor(factor),
      left: 'center',
      top: 8,
      textStyle: { fontSize: 18 },
      subtextStyle: { fontSize: 13, color: '#555' },
    },
  ];
  const grids: GridComponentOption[] = [];
  const xAxes: XAXisComponentOption[] = [];
  const yAxes: YAXisComponentOption[] = [];
  const series: SeriesOption[] = [];
  const graphics: GraphicComponentOption[] = [];

  panels.forEach((panel, i) => {
    const left = gridLeft(i);
    titles.push({
      text: report.metrics[panel.key]?.label ?? panel.title,
      left: left + plotWidth / 2,
      top: top - 34,
      textAlign: 'center',
      textStyle: { fontSize: 15 },
    });
    grids.push({ left, top, width: plotWidth, height: height - top - bottom });
    // Pad the factor axis so points at the first and last level are not drawn on the frame.
    const pad = Math.max((tMax - tMin) * 0.06, 0.5);
    xAxes.push({
      type: 'value',
      gridIndex: i,
      min: tMin - pad,
      max: tMax + pad,
      name: factorAxisName(factor),
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { showMinLabel: false, showMaxLabel: false },
      splitLine: { show: false },
    });
    yAxes.push({ type: 'value', gridIndex: i, scale: true, boundaryGap: ['6%', '6%'], name: panel.yName, nameLocation: 'middle', nameGap: 60 });

    const points = piecePoints(report, panel.key);
    const bars = (report.metrics[panel.key]?.levels ?? []).flatMap((s) =>
      s.mean === null ? [] : [[s.level, s.mean, s.mean - (s.std ?? 0), s.mean + (s.std ?? 0)]],
    );
    if (points.length === 0) {
      graphics.push({
        type: 'text',
        x: left + plotWidth / 2,
        y: top + (height - top - bottom) / 2,
        style: { text: 'no data', fill: '#888', fontSize: 16, align: 'center', verticalAlign: 'middle' },
      });
    }
    // Past 200 points echarts draws them as one path instead of an element each (a 1,000-piece
    // campaign's SVG: 136 → 47 ms, 709 → 204 KiB). In the browser each point stays its own
    // element up to 2,000 so that hovering and clicking name the piece.
    const large = { large: true, largeThreshold: interactive ? 2000 : 200 };
    series.push({
      type: 'scatter',
      name: 'pieces',
      xAxisIndex: i,
      yAxisIndex: i,
      data: interactive ? points : points.map((p) => p.value),
      symbolSize: interactive ? 10 : 8,
      ...large,
      itemStyle: { color: POINT_COLOR, opacity: 0.55 },
      cursor: interactive ? 'pointer' : 'default',
      z: 2,
    });
    series.push({
      type: 'custom',
      name: 'level mean ± std',
      xAxisIndex: i,
      yAxisIndex: i,
      data: bars,
      encode: { x: 0, y: [1, 2, 3] },
      renderItem: renderErrorBar,
      itemStyle: { color: MEAN_COLOR },
      silent: true,
      z: 3,
    });
    const fit = report.fits.chiExponential;
    if (panel.key === decayFitKey && fit) {
      series.push({
        type: 'line',
        name: FIT_NAME,
        xAxisIndex: i,
        yAxisIndex: i,
        data: exponentialCurve(fit, tMin, tMax),
        smooth: true,
        showSymbol: false,
        lineStyle: { color: FIT_CURVE_COLOR, width: 2 },
        itemStyle: { color: FIT_CURVE_COLOR },
        silent: true,
        z: 1,
      });
    }
  });

  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    aria: {
      enabled: true,
      label: {
        description: `${report.campaign.name}: Tc onset, |χ| at 1.8 K and FC/ZFC against ${factorAxisName(factor)}, per piece and per-level mean ± std.`,
      },
    },
    ...(interactive
      ? {
          tooltip: {
            trigger: 'item',
            formatter: (p: unknown) => {
              const item = p as { seriesName?: string; name?: string; value?: unknown };
              const v = Array.isArray(item.value) ? (item.value as number[]) : [];
              return item.seriesName === 'pieces' ? `${item.name ?? ''}: ${v[1]?.toPrecision(4) ?? ''} at ${v[0] ?? ''}` : '';
            },
          },
        }
      : {}),
    title: titles,
    legend: {
      top: 60,
      left: 'center',
      itemGap: 28,
      data: [
        { name: 'pieces', icon: 'circle' },
        // An error-bar glyph: the default legend icon of a custom series is a plain square.
        { name: 'level mean ± std', icon: 'path://M4,0h2v20h-2z M2,0h6v1.5h-6z M2,18.5h6v1.5h-6z M0,9h10v2h-10z' },
        ...(report.fits.chiExponential ? [{ name: FIT_NAME, icon: 'path://M0,9h24v2.5h-24z' }] : []),
      ],
    },
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series,
    graphic: graphics,
  };
}
