/**
 * Numerical groundwork for the DSC analyzer: pick the heating segment, put it on a uniform
 * temperature grid, smooth/differentiate it, fit baselines in temperature windows, integrate.
 * The generic pieces (fits, medians, resampling, Savitzky–Golay) live in core/numeric.
 */
import { differences, fitLine, type LineFit, medianHigh, mergeDuplicateX, oddWindow, robustStd, savitzkyGolay as sg, sortByX } from '../core/numeric';

/** Cap on the resampled grid so smoothing stays fast on 20 000-row files. */
const MAX_GRID_POINTS = 5000;

/**
 * Least-squares straight line through the (x, y) pairs whose x lies in any of the windows;
 * undefined below 3 such points or when their x do not vary.
 */
export function fitLineInWindows(x: number[], y: number[], windows: [number, number][]): LineFit | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (windows.some(([a, b]) => x[i] >= a && x[i] <= b)) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  }
  if (xs.length < 3) return undefined;
  const fit = fitLine(xs, ys);
  return Number.isFinite(fit.slope) ? fit : undefined;
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

/** Sort (x, y) by x and merge exact duplicates (their y averaged) so interpolation is defined. */
export function sortMerge(x: number[], y: number[]): { x: number[]; y: number[] } {
  const sorted = sortByX(x, y);
  return mergeDuplicateX(sorted.x, sorted.y);
}

/** Grid step: the median temperature increment, but coarse enough to keep ≤ MAX_GRID_POINTS points. */
export function gridStep(sortedX: number[]): number {
  const median = sortedX.length > 1 ? medianHigh(differences(sortedX)) : 0;
  const span = sortedX[sortedX.length - 1] - sortedX[0];
  return Math.max(median, span / MAX_GRID_POINTS, 1e-6);
}

/**
 * Savitzky–Golay (cubic) smoothing or derivative on a uniform grid; the window is given in the x
 * unit and rounded to an odd number of points (≥ 5, ≤ the data length).
 */
export function cubicSavitzkyGolay(y: number[], step: number, windowX: number, derivative: 0 | 1): number[] {
  const w = oddWindow(windowX / step, y.length);
  if (w < 5) return derivative === 0 ? [...y] : y.map(() => 0);
  return Array.from(sg(y, step, w, derivative, 3));
}

/** Robust noise (standard deviation) of white noise on y from the MAD of first differences. */
export function noiseStd(y: number[]): number {
  return robustStd(differences(y)) / Math.SQRT2;
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
