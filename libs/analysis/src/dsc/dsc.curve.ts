/**
 * Numerical groundwork for the DSC analyzer: pick the heating segment, resample it on a uniform
 * temperature grid, smooth/differentiate with Savitzky–Golay, fit lines, integrate, downsample.
 */
import { sgg } from 'ml-savitzky-golay-generalized';

/** Cap on the resampled grid so smoothing stays fast on 20 000-row files. */
const MAX_GRID_POINTS = 5000;

export interface LineFit {
  slope: number;
  intercept: number;
  residualStd: number;
  n: number;
}

export const lineAt = (f: LineFit, x: number): number => f.intercept + f.slope * x;

/** Least-squares straight line through the (x, y) pairs whose x lies in any of the windows. */
export function fitLine(x: number[], y: number[], windows: [number, number][]): LineFit | undefined {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  const inside = (v: number): boolean => windows.some(([a, b]) => v >= a && v <= b);
  for (let i = 0; i < x.length; i++) {
    if (!inside(x[i])) continue;
    n++;
    sx += x[i];
    sy += y[i];
    sxx += x[i] * x[i];
    sxy += x[i] * y[i];
  }
  if (n < 3) return undefined;
  const den = n * sxx - sx * sx;
  if (!(Math.abs(den) > 0)) return undefined;
  const slope = (n * sxy - sx * sy) / den;
  const intercept = (sy - slope * sx) / n;
  let ss = 0;
  for (let i = 0; i < x.length; i++) if (inside(x[i])) ss += (y[i] - intercept - slope * x[i]) ** 2;
  return { slope, intercept, residualStd: Math.sqrt(ss / Math.max(1, n - 2)), n };
}

/**
 * Indices [start, end) of the longest run where temperature rises: the heating segment. Isotherms
 * and cooling runs around it are left out.
 */
export function heatingRun(temperatureK: number[]): { start: number; end: number } {
  const n = temperatureK.length;
  const k = Math.max(1, Math.round(n / 400));
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of temperatureK) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  const threshold = (0.2 * 2 * k * (hi - lo)) / n;
  let best = { start: 0, end: 0 };
  let runStart = -1;
  for (let i = 0; i <= n; i++) {
    const rising = i < n && temperatureK[Math.min(n - 1, i + k)] - temperatureK[Math.max(0, i - k)] > threshold;
    if (rising && runStart < 0) runStart = i;
    if (!rising && runStart >= 0) {
      if (i - runStart > best.end - best.start) best = { start: runStart, end: i };
      runStart = -1;
    }
  }
  return best;
}

/** Linear interpolation of sorted (x, y) on a uniform grid from x0 with `step`, `count` points. */
export function resampleUniform(x: number[], y: number[], x0: number, step: number, count: number): number[] {
  const out = new Array<number>(count);
  let j = 0;
  for (let i = 0; i < count; i++) {
    const xi = x0 + i * step;
    while (j < x.length - 2 && x[j + 1] < xi) j++;
    const dx = x[j + 1] - x[j];
    const f = dx > 0 ? (xi - x[j]) / dx : 0;
    out[i] = y[j] + Math.min(1, Math.max(0, f)) * (y[j + 1] - y[j]);
  }
  return out;
}

/** Sort (x, y) by x and merge exact duplicates (their y averaged) so interpolation is defined. */
export function sortMerge(x: number[], y: number[]): { x: number[]; y: number[] } {
  const idx = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const xs: number[] = [];
  const ys: number[] = [];
  let count = 0;
  for (const i of idx) {
    if (xs.length > 0 && x[i] === xs[xs.length - 1]) {
      count++;
      ys[ys.length - 1] += (y[i] - ys[ys.length - 1]) / count;
    } else {
      xs.push(x[i]);
      ys.push(y[i]);
      count = 1;
    }
  }
  return { x: xs, y: ys };
}

/** Grid step: the median temperature increment, but coarse enough to keep ≤ MAX_GRID_POINTS points. */
export function gridStep(sortedX: number[]): number {
  const steps: number[] = [];
  for (let i = 1; i < sortedX.length; i++) steps.push(sortedX[i] - sortedX[i - 1]);
  steps.sort((a, b) => a - b);
  const median = steps[Math.floor(steps.length / 2)] ?? 0;
  const span = sortedX[sortedX.length - 1] - sortedX[0];
  return Math.max(median, span / MAX_GRID_POINTS, 1e-6);
}

/**
 * Savitzky–Golay (cubic) smoothing or derivative on a uniform grid; the window is given in the x
 * unit and rounded to an odd number of points (≥ 5, ≤ the data length).
 */
export function savitzkyGolay(y: number[], step: number, windowX: number, derivative: 0 | 1): number[] {
  let w = Math.max(5, Math.round(windowX / step));
  if (w % 2 === 0) w++;
  if (w > y.length) w = y.length % 2 === 1 ? y.length : y.length - 1;
  if (w < 5) return derivative === 0 ? [...y] : y.map(() => 0);
  return Array.from(sgg(y, step, { windowSize: w, derivative, polynomial: 3 }));
}

/** Robust noise (standard deviation) of white noise on y from the MAD of first differences. */
export function noiseStd(y: number[]): number {
  const d: number[] = [];
  for (let i = 1; i < y.length; i++) d.push(y[i] - y[i - 1]);
  const center = median(d);
  return (1.4826 * median(d.map((v) => Math.abs(v - center)))) / Math.SQRT2;
}

export function median(v: number[]): number {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Trapezoid integral of y over x within [a, b] (grid points only). */
export function integrate(x: number[], y: number[], a: number, b: number): number {
  let s = 0;
  for (let i = 1; i < x.length; i++) {
    if (x[i - 1] < a || x[i] > b) continue;
    s += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]);
  }
  return s;
}

/** Index of the grid point nearest x on a uniform grid starting at x0. */
export const indexAt = (x0: number, step: number, n: number, x: number): number => Math.min(n - 1, Math.max(0, Math.round((x - x0) / step)));

/** At most `maxPoints` bin means of (x, y), for plots. */
export function downsample(x: number[], y: number[], maxPoints = 500): { x: number[]; y: number[] } {
  if (x.length <= maxPoints) return { x: [...x], y: [...y] };
  const bins = maxPoints;
  const ox: number[] = [];
  const oy: number[] = [];
  for (let b = 0; b < bins; b++) {
    const i0 = Math.floor((b * x.length) / bins);
    const i1 = Math.floor(((b + 1) * x.length) / bins);
    let sx = 0;
    let sy = 0;
    for (let i = i0; i < i1; i++) {
      sx += x[i];
      sy += y[i];
    }
    ox.push(sx / (i1 - i0));
    oy.push(sy / (i1 - i0));
  }
  return { x: ox, y: oy };
}
