/** Small builders every panel uses: reading a stored number, bounding a stored curve, and a panel's defaults. */
import { downsample } from '../core/numeric';
import type { Curve } from '../core/types';
import { PLOT_MAX_POINTS, PLOT_MAX_SERIES, type PlotFact, type PlotMarker, type PlotPanel, type PlotRole, type PlotSeries } from './plot.types';

/** The finite number stored under `key`, else null (a missing, null or non-finite metric). */
export const num = (m: unknown, key: string): number | null => {
  const v = m && typeof m === 'object' ? (m as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** A stored curve's finite points, downsampled to the plot bound (the one shared helper). */
export function finite(c: Curve | undefined): { x: number[]; y: number[] } {
  if (!c || !Array.isArray(c.x) || !Array.isArray(c.y)) return { x: [], y: [] };
  const x: number[] = [];
  const y: number[] = [];
  const n = Math.min(c.x.length, c.y.length);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(c.x[i]) && Number.isFinite(c.y[i])) {
      x.push(c.x[i]);
      y.push(c.y[i]);
    }
  }
  return downsample(x, y, PLOT_MAX_POINTS);
}

export const series = (name: string, role: PlotRole, xy: { x: number[]; y: number[] }, axis: 0 | 1 = 0, highlight = false, points = false): PlotSeries => ({
  name,
  role,
  x: xy.x,
  y: xy.y,
  axis,
  highlight,
  points,
});

export const fact = (label: string, value: number | null, error: number | null, unit: string): PlotFact => ({ label, value, error, unit });

export const marker = (label: string, x: number | null): PlotMarker[] => (x === null ? [] : [{ label, x }]);

export const panel = (p: Partial<PlotPanel> & Pick<PlotPanel, 'id' | 'title' | 'xLabel' | 'yLabel'>): PlotPanel => {
  const drawn = (p.series ?? []).filter((s) => s.x.length > 0);
  return { y2Label: null, xLog: false, yLog: false, markers: [], facts: [], notes: [], ...p, series: drawn.slice(0, PLOT_MAX_SERIES) };
};

/** n evenly spaced values from a to b inclusive. */
export function grid(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

export function positive({ x, y }: { x: number[]; y: number[] }): { x: number[]; y: number[] } {
  const keep = x.map((v, i) => v > 0 && y[i] > 0);
  return { x: x.filter((_, i) => keep[i]), y: y.filter((_, i) => keep[i]) };
}
