/** Small O(n) numeric helpers for sorted sweeps: least squares over index ranges, resampling, crossings. */

// Bound once: under Jest 30 a global read such as Math.round in a per-point loop is ~50× slower.
const { round, sqrt } = Math;

export interface LineFit {
  slope: number;
  intercept: number;
  /** Residual standard deviation with n − 2 degrees of freedom (0 when n ≤ 2). */
  residualStd: number;
  n: number;
}

/** Ordinary least squares y = intercept + slope·x over indices [from, to). */
export function fitLineRange(x: ArrayLike<number>, y: ArrayLike<number>, from: number, to: number): LineFit {
  const n = to - from;
  let sx = 0;
  let sy = 0;
  for (let i = from; i < to; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = from; i < to; i++) {
    const dx = x[i] - mx;
    sxx += dx * dx;
    sxy += dx * (y[i] - my);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const r = y[i] - intercept - slope * x[i];
    ss += r * r;
  }
  return { slope, intercept, residualStd: n > 2 ? sqrt(ss / (n - 2)) : 0, n };
}

/** First index whose x is ≥ value in an ascending array (binary search). */
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

/**
 * Value at x0 of a straight line fitted to the k points nearest x0 (ascending x): a noise-averaging
 * interpolation that also extrapolates a short way beyond the ends.
 */
export function localLinearAt(x: ArrayLike<number>, y: ArrayLike<number>, x0: number, k: number): number {
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
  const fit = fitLineRange(x, y, lo, hi);
  return fit.intercept + fit.slope * x0;
}

/** Merge points at identical temperatures (ascending x) into their mean, so interpolation never divides by zero. */
export function collapseDuplicates(x: number[], y: number[]): { x: number[]; y: number[] } {
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
 * means are linearly interpolated to the grid nodes (so sparse data is interpolated).
 */
export function resampleUniform(x: number[], y: number[], x0: number, h: number, count: number): Float64Array {
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
    // Beyond the outermost cell means this extrapolates linearly by less than half a cell.
    out[g] = by[j] + ((xg - bx[j]) / (bx[j + 1] - bx[j])) * (by[j + 1] - by[j]);
  }
  return out;
}

/** Median of a numeric array (copy-sorted; used once per analysis). */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : 0.5 * (s[mid - 1] + s[mid]);
}
