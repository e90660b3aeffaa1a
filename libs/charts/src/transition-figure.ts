/**
 * The study's Fig. 4(c) as an ECharts option: for each chosen piece, −dχ/dT of its ZFC and FC
 * sweeps and dR/dT of its resistance run, each normalised to a peak of 1, on one temperature axis.
 * χ weighs the whole volume, so its derivative is the local-Tc distribution; R drops once one path
 * superconducts, so its derivative is a spike at the top of that distribution. Pure data → option:
 * the report renders it to SVG server-side and the web app draws the same option with
 * `interactive` (tooltips, and points that name their piece for clicks).
 */
import type { EChartsOption, GridComponentOption, LineSeriesOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import { FONT_FAMILY } from './report-figure';

/** A stored plot curve (libs/analysis Curve). */
export interface XYCurve {
  x: number[];
  y: number[];
}

/** One piece of the figure: its code and the curves its runs stored (any may be absent). */
export interface TransitionPiece {
  code: string;
  /** Caption under the code, e.g. the campaign level. */
  subtitle?: string;
  /** dχ/dT of the ZFC sweep (the magnetic run's `dChiDt` curve). */
  zfcDerivative?: XYCurve;
  /** dχ/dT of the FC sweep (the FC run's `dChiDt`). */
  fcDerivative?: XYCurve;
  /** R(T) at the lowest field (the resistance run's first `R(T) … T` curve); differentiated here. */
  resistance?: XYCurve;
}

export const TRANSITION_SERIES = {
  zfc: { name: '−dχ/dT ZFC', color: '#4e79a7' },
  fc: { name: '−dχ/dT FC', color: '#f28e2b' },
  resistance: { name: 'dR/dT', color: '#e15759' },
} as const;

/** Points each side of the local line fit that differentiates R(T). */
const DERIVATIVE_HALF_WINDOW = 2;

/**
 * dy/dx of a sampled curve: the slope of a straight line through the 2h + 1 nearest points (by x
 * order), which keeps a sharp step's spike where a coarser smoothing would smear it.
 */
export function derivative(curve: XYCurve, halfWindow = DERIVATIVE_HALF_WINDOW): XYCurve {
  const order = curve.x.map((_, i) => i).filter((i) => Number.isFinite(curve.x[i]) && Number.isFinite(curve.y[i]));
  order.sort((a, b) => curve.x[a] - curve.x[b]);
  const x = order.map((i) => curve.x[i]);
  const y = order.map((i) => curve.y[i]);
  const out: XYCurve = { x: [], y: [] };
  for (let i = 0; i < x.length; i++) {
    const from = Math.max(0, i - halfWindow);
    const to = Math.min(x.length, i + halfWindow + 1);
    let sx = 0;
    let sy = 0;
    for (let k = from; k < to; k++) [sx, sy] = [sx + x[k], sy + y[k]];
    const n = to - from;
    const mx = sx / n;
    const my = sy / n;
    let sxx = 0;
    let sxy = 0;
    for (let k = from; k < to; k++) [sxx, sxy] = [sxx + (x[k] - mx) ** 2, sxy + (x[k] - mx) * (y[k] - my)];
    if (sxx > 0) {
      out.x.push(x[i]);
      out.y.push(sxy / sxx);
    }
  }
  return out;
}

/**
 * The curve divided by its value of largest magnitude, so its peak is +1 whatever its sign and
 * units (χ rises through a warming ZFC transition, R falls on cooling: both peaks point up). Null
 * for a curve that is empty or flat.
 */
export function normalisedToPeak(curve: XYCurve | undefined): number[][] | null {
  if (!curve || curve.x.length === 0) return null;
  let peak = 0;
  for (const v of curve.y) if (Number.isFinite(v) && Math.abs(v) > Math.abs(peak)) peak = v;
  if (peak === 0) return null;
  return curve.x.flatMap((t, i) => (Number.isFinite(t) && Number.isFinite(curve.y[i]) ? [[t, curve.y[i] / peak]] : []));
}

export interface TransitionFigureOptions {
  width?: number;
  /** Height of one row of panels, px (default 320). */
  rowHeight?: number;
  /** Panels per row (default up to 3). */
  columns?: number;
  /** Temperature range of every panel, K (default: each panel's χ derivatives ± 0.3 K). */
  rangeK?: [number, number];
  /**
   * Browser use: every sample is a point carrying its piece's code (`name`), so a click names
   * the piece, and a tooltip says which curve and temperature. The SVG report leaves it off:
   * thousands of point elements would only weigh down a static page.
   */
  interactive?: boolean;
}

/** A point of an interactive transitions panel: [T, normalised value] and the piece's code. */
export interface TransitionPoint {
  value: [number, number];
  name: string;
}

/** The normalised series of one piece, by kind; null where the piece lacks the curve. */
export function transitionSeries(piece: TransitionPiece): Record<keyof typeof TRANSITION_SERIES, number[][] | null> {
  return {
    zfc: normalisedToPeak(piece.zfcDerivative),
    fc: normalisedToPeak(piece.fcDerivative),
    resistance: normalisedToPeak(piece.resistance && derivative(piece.resistance)),
  };
}

/** Where a panel's x axis should run: around the χ transition (where the distribution is), else every curve. */
function panelRange(series: ReturnType<typeof transitionSeries>): [number, number] | null {
  const near = (s: number[][] | null) => (s ?? []).filter(([, v]) => v > 0.02).map(([t]) => t);
  let ts = [...near(series.zfc), ...near(series.fc)];
  if (ts.length === 0) ts = near(series.resistance);
  if (ts.length === 0) return null;
  const lo = Math.min(...ts);
  const hi = Math.max(...ts, ...near(series.resistance));
  return [Math.floor((lo - 0.3) * 10) / 10, Math.ceil((hi + 0.3) * 10) / 10];
}

/**
 * One panel per piece: −dχ/dT ZFC, −dχ/dT FC and dR/dT, each normalised to a peak of 1, against
 * temperature (K). A piece without any curve shows "no curves stored" in its panel.
 */
export function transitionFigureOption(pieces: readonly TransitionPiece[], options: TransitionFigureOptions = {}): EChartsOption {
  const width = options.width ?? 1200;
  const columns = Math.max(1, Math.min(options.columns ?? 3, pieces.length || 1));
  const rowHeight = options.rowHeight ?? 320;
  const interactive = options.interactive ?? false;
  const marginLeft = 56;
  const gap = 56;
  const top = 72;
  const plotWidth = (width - marginLeft - (columns - 1) * gap - 24) / columns;
  const plotHeight = rowHeight - 96;
  const grid: GridComponentOption[] = [];
  const xAxis: XAXisComponentOption[] = [];
  const yAxis: YAXisComponentOption[] = [];
  const series: LineSeriesOption[] = [];
  const titles: object[] = [
    {
      text: 'Transitions: −dχ/dT (ZFC, FC) and dR/dT, each normalised to its peak',
      left: 'center',
      top: 8,
      textStyle: { fontSize: 16, fontWeight: 'bold', fontFamily: FONT_FAMILY },
    },
  ];
  pieces.forEach((piece, i) => {
    const left = marginLeft + (i % columns) * (plotWidth + gap);
    const panelTop = top + Math.floor(i / columns) * rowHeight;
    grid.push({ left, top: panelTop + 28, width: plotWidth, height: plotHeight, containLabel: false });
    const s = transitionSeries(piece);
    const range = options.rangeK ?? panelRange(s);
    xAxis.push({
      gridIndex: i,
      type: 'value',
      name: 'T (K)',
      nameLocation: 'middle',
      nameGap: 26,
      scale: true,
      ...(range && { min: range[0], max: range[1] }),
      axisLabel: { fontFamily: FONT_FAMILY },
    });
    yAxis.push({ gridIndex: i, type: 'value', min: -0.1, max: 1.1, name: i % columns === 0 ? 'normalised' : '', axisLabel: { fontFamily: FONT_FAMILY } });
    titles.push({
      text: piece.code,
      subtext: piece.subtitle ?? '',
      left: left + plotWidth / 2,
      top: panelTop - 4,
      textAlign: 'center',
      textStyle: { fontSize: 13, fontWeight: 'bold', fontFamily: FONT_FAMILY },
      subtextStyle: { fontSize: 11, fontFamily: FONT_FAMILY },
    });
    const inRange = (data: number[][]) => (range ? data.filter(([t]) => t >= range[0] && t <= range[1]) : data);
    let drawn = 0;
    for (const kind of ['zfc', 'fc', 'resistance'] as const) {
      const data = s[kind];
      if (!data) continue;
      drawn++;
      series.push({
        type: 'line',
        name: TRANSITION_SERIES[kind].name,
        xAxisIndex: i,
        yAxisIndex: i,
        data: interactive ? inRange(data).map(([t, v]): TransitionPoint => ({ value: [t, v], name: piece.code })) : inRange(data),
        showSymbol: interactive,
        ...(interactive && { symbol: 'circle', symbolSize: 5, cursor: 'pointer' }),
        lineStyle: { width: kind === 'resistance' ? 1.5 : 2, color: TRANSITION_SERIES[kind].color },
        itemStyle: { color: TRANSITION_SERIES[kind].color },
      });
    }
    if (drawn === 0) {
      titles.push({
        text: 'no curves stored',
        left: left + plotWidth / 2,
        top: panelTop + 28 + plotHeight / 2,
        textAlign: 'center',
        textStyle: { fontSize: 12, color: '#888', fontFamily: FONT_FAMILY },
      });
    }
  });
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    ...(interactive && {
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const item = p as { seriesName?: string; name?: string; value?: unknown };
          const [t, v] = Array.isArray(item.value) ? (item.value as number[]) : [];
          return t === undefined ? '' : `${item.name ?? ''} · ${item.seriesName ?? ''}: ${v.toFixed(2)} at ${t.toFixed(3)} K`;
        },
      },
    }),
    title: titles,
    legend: { top: 34, data: Object.values(TRANSITION_SERIES).map((s) => s.name), textStyle: { fontFamily: FONT_FAMILY } },
    grid,
    xAxis,
    yAxis,
    series,
  };
}

/** The figure's total height for these pieces, px (what the renderer should allocate). */
export function transitionFigureHeight(pieceCount: number, options: TransitionFigureOptions = {}): number {
  const columns = Math.max(1, Math.min(options.columns ?? 3, pieceCount || 1));
  return 72 + Math.max(1, Math.ceil(pieceCount / columns)) * (options.rowHeight ?? 320);
}
