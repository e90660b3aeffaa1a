/**
 * The numeric helpers every analyzer shares, each defined once: order statistics, straight-line
 * least squares with errors, uniform-grid resampling, Savitzky–Golay smoothing and derivatives,
 * and the reduction of curves for plots. Arrays are read through ArrayLike so typed arrays pass.
 */
import { sgg } from 'ml-savitzky-golay-generalized';

import type { Curve } from './types';

// Bound once: under Jest 30 a global read such as Math.round in a per-point loop is ~50× slower.
const { abs, exp, round, sqrt } = Math;

/** Normal-consistency factor of the median absolute deviation: σ ≈ 1.4826 · MAD for Gaussian noise. */
export const MAD_TO_STD = 1.4826;

const sortedCopy = (values: ArrayLike<number>): Float64Array => Float64Array.from(values).sort();

/** Median: the middle value of the sorted values, or the mean of the middle two; NaN when empty. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  const s = sortedCopy(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : 0.5 * (s[mid - 1] + s[mid]);
}

/**
 * Upper median: the ⌊n/2⌋-th smallest value (0-based), i.e. the median for odd n and the larger of
 * the middle two for even n. Always one of the values, as a field setpoint or a grid step must be;
 * NaN when empty.
 */
export function medianHigh(values: ArrayLike<number>): number {
  return values.length === 0 ? NaN : sortedCopy(values)[values.length >> 1];
}

/**
 * Nearest-rank quantile of ascending `sorted`, 0 ≤ p ≤ 1: the smallest value with at least a
 * fraction p of the values at or below it (p = 0 gives the minimum). NaN when empty.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Nearest-rank quantile (see quantileSorted) of values in any order. */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(values), p);
}

/** Robust standard deviation 1.4826 · median(|v − center|), the center defaulting to the median. */
export function robustStd(values: ArrayLike<number>, center: number = median(values)): number {
  const dev = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) dev[i] = Math.abs(values[i] - center);
  return MAD_TO_STD * median(dev);
}

/** First differences x[i] − x[i − 1], i ≥ 1 (length n − 1). */
export function differences(x: ArrayLike<number>): number[] {
  const d: number[] = [];
  for (let i = 1; i < x.length; i++) d.push(x[i] - x[i - 1]);
  return d;
}

/**
 * max(y[j]) over j in [i − half, i + half] ∩ [0, n) for every i, in O(n) whatever `half`: a
 * monotonic deque holds the indices whose values can still be a window's maximum (each enters and
 * leaves once), where scanning each window would cost O(n · half). y must hold no NaN.
 */
export function slidingMax(y: ArrayLike<number>, half: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(n);
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    const hi = Math.min(n - 1, i + half);
    for (; next <= hi; next++) {
      while (tail > head && y[deque[tail - 1]] <= y[next]) tail--;
      deque[tail++] = next;
    }
    while (deque[head] < i - half) head++;
    out[i] = y[deque[head]];
  }
  return out;
}

/** First index whose x is ≥ value in an ascending array (binary search); x.length when none. */
export function lowerBound(x: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A straight line y = intercept + slope·x fitted by (weighted) least squares. */
export interface LineFit {
  slope: number;
  intercept: number;
  /** Standard errors from the residual variance s² = Σw·r²/(n − 2): s/√Sxx and s·√(1/Σw + x̄²/Sxx); NaN when n ≤ 2. */
  slopeErr: number;
  interceptErr: number;
  /** Slope standard error when the weights are exactly 1/σ² (known errors): 1/√Sxx. */
  slopeErrKnownSigma: number;
  /** s = √(Σw·r²/(n − 2)); 0 when n ≤ 2. */
  residualStd: number;
  /** 1 − SSR/SST (1 when y does not vary). */
  r2: number;
  /** Points fitted. */
  n: number;
}

export interface LineFitOptions {
  /** Fit indices [from, to) only (default: all). */
  from?: number;
  to?: number;
  /** Weight of each point (e.g. 1/σ²), indexed like x; default 1. */
  weights?: ArrayLike<number>;
}

/**
 * Least-squares straight line through (x[i], y[i]), optionally over an index range and weighted,
 * on centred sums: x̄ = Σw·x/Σw, Sxx = Σw(x − x̄)², slope = Σw(x − x̄)(y − ȳ)/Sxx,
 * intercept = ȳ − slope·x̄. Fewer than 2 points or all x equal: slope, intercept and errors are
 * NaN (the line is not determined); callers decide what a degenerate window means for them.
 */
export function fitLine(x: ArrayLike<number>, y: ArrayLike<number>, options: LineFitOptions = {}): LineFit {
  const from = options.from ?? 0;
  const to = options.to ?? Math.min(x.length, y.length);
  const w = options.weights;
  const n = to - from;
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = from; i < to; i++) {
    const wi = w === undefined ? 1 : w[i];
    sw += wi;
    sx += wi * x[i];
    sy += wi * y[i];
  }
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = from; i < to; i++) {
    const wi = w === undefined ? 1 : w[i];
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += wi * dx * dx;
    sxy += wi * dx * dy;
    syy += wi * dy * dy;
  }
  if (!(n >= 2 && sxx > 0)) {
    return { slope: NaN, intercept: NaN, slopeErr: NaN, interceptErr: NaN, slopeErrKnownSigma: NaN, residualStd: NaN, r2: NaN, n };
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssr = 0;
  for (let i = from; i < to; i++) {
    const wi = w === undefined ? 1 : w[i];
    const r = y[i] - intercept - slope * x[i];
    ssr += wi * r * r;
  }
  const s = n > 2 ? sqrt(ssr / (n - 2)) : NaN;
  return {
    slope,
    intercept,
    slopeErr: s / sqrt(sxx),
    interceptErr: s * sqrt(1 / sw + (mx * mx) / sxx),
    slopeErrKnownSigma: 1 / sqrt(sxx),
    residualStd: n > 2 ? s : 0,
    r2: syy > 0 ? 1 - ssr / syy : 1,
    n,
  };
}

/** The fitted line's value at x. */
export const lineAt = (fit: Pick<LineFit, 'slope' | 'intercept'>, x: number): number => fit.intercept + fit.slope * x;

/**
 * Value at x0 of a straight line fitted to the k points nearest x0 (ascending x): a noise-averaging
 * interpolation that also extrapolates a short way beyond the ends. When those points all share one
 * x, their mean y (the best constant).
 */
export function localLineAt(x: ArrayLike<number>, y: ArrayLike<number>, x0: number, k: number): number {
  const n = x.length;
  const m = Math.min(k, n);
  let lo = Math.min(Math.max(lowerBound(x, x0) - 1, 0), n - 1);
  let hi = lo + 1;
  // Grow [lo, hi) towards whichever side is nearer to x0 until it holds m points.
  while (hi - lo < m) {
    if (lo === 0) hi++;
    else if (hi === n) lo--;
    else if (x0 - x[lo - 1] <= x[hi] - x0) lo--;
    else hi++;
  }
  const fit = fitLine(x, y, { from: lo, to: hi });
  if (Number.isFinite(fit.slope)) return lineAt(fit, x0);
  let sum = 0;
  for (let i = lo; i < hi; i++) sum += y[i];
  return sum / (hi - lo);
}

/** (x, y) reordered by ascending x (stable for equal x). */
export function sortByX(x: ArrayLike<number>, y: ArrayLike<number>): { x: number[]; y: number[] } {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  return { x: order.map((i) => x[i]), y: order.map((i) => y[i]) };
}

/** Merge runs of equal x (ascending x) into one point with the mean y, so interpolation never divides by zero. */
export function mergeDuplicateX(x: ArrayLike<number>, y: ArrayLike<number>): { x: number[]; y: number[] } {
  const ox: number[] = [];
  const oy: number[] = [];
  let i = 0;
  while (i < x.length) {
    let j = i;
    let sum = 0;
    while (j < x.length && x[j] === x[i]) sum += y[j++];
    ox.push(x[i]);
    oy.push(sum / (j - i));
    i = j;
  }
  return { x: ox, y: oy };
}

/**
 * Resample (ascending x, y) onto the uniform grid x0 + i·h, i < count, in O(n + count): points are
 * first averaged per grid cell (so dense data is averaged rather than thinned out), then the cell
 * means are linearly interpolated to the grid nodes (so sparse data is interpolated); beyond the
 * outermost cell means it extrapolates linearly.
 */
export function resampleUniform(x: ArrayLike<number>, y: ArrayLike<number>, x0: number, h: number, count: number): Float64Array {
  const bx: number[] = [];
  const by: number[] = [];
  let i = 0;
  while (i < x.length) {
    const cell = round((x[i] - x0) / h);
    let sx = 0;
    let sy = 0;
    let k = 0;
    while (i < x.length && round((x[i] - x0) / h) === cell) {
      sx += x[i];
      sy += y[i];
      k++;
      i++;
    }
    bx.push(sx / k);
    by.push(sy / k);
  }
  const out = new Float64Array(count);
  if (bx.length === 1) return out.fill(by[0]);
  let j = 0;
  for (let g = 0; g < count; g++) {
    const xg = x0 + g * h;
    while (j < bx.length - 2 && bx[j + 1] < xg) j++;
    out[g] = by[j] + ((xg - bx[j]) / (bx[j + 1] - bx[j])) * (by[j + 1] - by[j]);
  }
  return out;
}

/**
 * Linear interpolation of (ascending, distinct x, y) at the nodes x0 + i·h, i < count, held at the
 * end values outside the data (no averaging: each node reads the two points around it).
 */
export function interpolateUniform(x: ArrayLike<number>, y: ArrayLike<number>, x0: number, h: number, count: number): number[] {
  const out = new Array<number>(count);
  let j = 0;
  for (let i = 0; i < count; i++) {
    const xi = x0 + i * h;
    while (j < x.length - 2 && x[j + 1] < xi) j++;
    const dx = x[j + 1] - x[j];
    const f = dx > 0 ? (xi - x[j]) / dx : 0;
    out[i] = y[j] + Math.min(1, Math.max(0, f)) * (y[j + 1] - y[j]);
  }
  return out;
}

/**
 * An odd Savitzky–Golay window: round(points) made odd (upwards), at least 5, at most the largest
 * odd number ≤ maxPoints (which may be below 5 on a very short grid: the caller then cannot smooth).
 */
export function oddWindow(points: number, maxPoints: number): number {
  let w = round(points);
  if (w % 2 === 0) w++;
  const cap = Math.floor(maxPoints) % 2 ? Math.floor(maxPoints) : Math.floor(maxPoints) - 1;
  return Math.min(Math.max(w, 5), cap);
}

/**
 * Savitzky–Golay smoothing (derivative 0) or derivative d^k y/dx^k of y sampled every `step` in x,
 * by a local polynomial of the given degree over an odd window of `windowPoints`
 * (ml-savitzky-golay-generalized). The output has y's length.
 */
export function savitzkyGolay(y: number[] | Float64Array, step: number, windowPoints: number, derivative: number, polynomial: number): Float64Array {
  return sgg(y, step, { windowSize: windowPoints, derivative, polynomial });
}

/**
 * A curve reduced for plotting to at most maxPoints by averaging consecutive buckets of
 * ⌈n/maxPoints⌉ points (the last one may be shorter); copied unchanged when it is short enough.
 */
export function downsample(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints = 500): { x: number[]; y: number[] } {
  if (x.length <= maxPoints) return { x: Array.from(x), y: Array.from(y) };
  const per = Math.ceil(x.length / maxPoints);
  const ox: number[] = [];
  const oy: number[] = [];
  for (let i = 0; i < x.length; i += per) {
    const end = Math.min(x.length, i + per);
    let sx = 0;
    let sy = 0;
    for (let j = i; j < end; j++) {
      sx += x[j];
      sy += y[j];
    }
    ox.push(sx / (end - i));
    oy.push(sy / (end - i));
  }
  return { x: ox, y: oy };
}

/**
 * Every k-th measured point, k = ⌈n/maxPoints⌉, starting with the first: a plot of the points as
 * measured (no averaging across a sharp transition), at most maxPoints of them.
 */
export function decimate(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): { x: number[]; y: number[] } {
  const stride = Math.max(1, Math.ceil(x.length / maxPoints));
  const out = { x: [] as number[], y: [] as number[] };
  for (let i = 0; i < x.length; i += stride) {
    out.x.push(x[i]);
    out.y.push(y[i]);
  }
  return out;
}

/** A labelled plot curve of (x, y), bucket-averaged to at most maxPoints (see downsample). */
export function plotCurve(x: ArrayLike<number>, y: ArrayLike<number>, xLabel: string, yLabel: string, maxPoints = 500): Curve {
  return { ...downsample(x, y, maxPoints), xLabel, yLabel };
}

/**
 * Complementary error function, fractional error < 1.2e-7 everywhere (Chebyshev fit, Numerical
 * Recipes `erfcc`), so far tails stay accurate (the virtual magnetometer's onset lies at 1e-5 of
 * the full signal).
 */
export function erfc(x: number): number {
  const z = abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
