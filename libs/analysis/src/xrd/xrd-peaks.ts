import { differences, lowerBound, medianHigh, savitzkyGolay, slidingMax } from '../core/numeric';

/**
 * Feature finding on a diffraction pattern in q: the principal amorphous halo (broad maximum)
 * and narrow Bragg peaks riding on it. Windows are set in Å⁻¹ so results do not depend on the step.
 */

/**
 * Median of y over ±half points (shrinking at the ends); robust against narrow peaks and spikes.
 * Keeps the window sorted (binary-search insert/remove), O(n · half) element moves at worst.
 */
export function runningMedian(y: number[], half: number): number[] {
  const n = y.length;
  const out = new Array<number>(n);
  const win: number[] = [];
  let lo = 0;
  let hi = 0; // window is y[lo, hi)
  for (let i = 0; i < n; i++) {
    const wantLo = Math.max(0, i - half);
    const wantHi = Math.min(n, i + half + 1);
    while (hi < wantHi) {
      const v = Number.isNaN(y[hi]) ? 0 : y[hi];
      win.splice(lowerBound(win, v), 0, v);
      hi++;
    }
    while (lo < wantLo) {
      const v = Number.isNaN(y[lo]) ? 0 : y[lo];
      win.splice(lowerBound(win, v), 1);
      lo++;
    }
    const m = win.length >> 1;
    out[i] = win.length % 2 ? win[m] : (win[m - 1] + win[m]) / 2;
  }
  return out;
}

/** Mean of y over ±half points (shrinking at the ends), via a prefix sum. */
export function movingAverage(y: number[], half: number): number[] {
  const n = y.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + y[i];
  return y.map((_, i) => {
    const lo = Math.max(0, i - half);
    const hi = Math.min(n, i + half + 1);
    return (prefix[hi] - prefix[lo]) / (hi - lo);
  });
}

/** Median q step (the upper median, one of the actual steps), Å⁻¹; 0 for fewer than two points. */
export function medianStep(q: number[]): number {
  return q.length > 1 ? medianHigh(differences(q)) : 0;
}

/** Half-width in points of a window spanning `widthInvA`, clamped to [lo, hi]. */
export function halfPoints(widthInvA: number, stepInvA: number, lo: number, hi: number): number {
  const h = stepInvA > 0 ? Math.round(widthInvA / (2 * stepInvA)) : lo;
  return Math.max(lo, Math.min(hi, h));
}

export interface HaloEstimate {
  index: number;
  centreInvA: number;
  fwhmInvA: number;
  prominence: number;
  /** True when the half maximum was reached on one side only (pattern truncated). */
  oneSided: boolean;
}

/**
 * The principal (lowest-q) halo: among interior maxima of the smoothed curve that dominate
 * ±0.15 Å⁻¹, the first whose prominence is at least 30 % of the largest. Its FWHM is read at half
 * prominence; if one side runs off the data, twice the other half-width is used.
 */
export function findPrincipalHalo(q: number[], smooth: number[]): HaloEstimate | undefined {
  const n = q.length;
  const h = halfPoints(0.3, medianStep(q), 2, Math.max(2, n >> 3));
  const candidates: { i: number; prom: number }[] = [];
  // A maximum dominates ±h points: nothing in its window is higher.
  const windowMax = slidingMax(smooth, h);
  for (let i = 1; i < n - 1; i++) {
    if (windowMax[i] > smooth[i] || smooth[i] === smooth[i - 1]) continue;
    // Walk down each side to the valley: stop where the curve climbs 2 % of the peak above the
    // lowest point so far (a long pattern's far, low tail is not this halo's base).
    const rise = 0.02 * Math.abs(smooth[i]);
    let leftMin = smooth[i];
    for (let j = i - 1; j >= 0 && smooth[j] <= smooth[i] && smooth[j] <= leftMin + rise; j--) leftMin = Math.min(leftMin, smooth[j]);
    let rightMin = smooth[i];
    for (let j = i + 1; j < n && smooth[j] <= smooth[i] && smooth[j] <= rightMin + rise; j++) rightMin = Math.min(rightMin, smooth[j]);
    candidates.push({ i, prom: smooth[i] - Math.max(leftMin, rightMin) });
  }
  if (candidates.length === 0) return undefined;
  const maxProm = Math.max(...candidates.map((c) => c.prom));
  const pick = candidates.find((c) => c.prom >= 0.3 * maxProm);
  if (!pick || pick.prom <= 0) return undefined;
  const level = smooth[pick.i] - pick.prom / 2;
  let l = pick.i;
  while (l > 0 && smooth[l] >= level) l--;
  let r = pick.i;
  while (r < n - 1 && smooth[r] >= level) r++;
  const leftOk = smooth[l] < level;
  const rightOk = smooth[r] < level;
  const c = q[pick.i];
  const leftHalf = c - q[l];
  const rightHalf = q[r] - c;
  const fwhm = leftOk && rightOk ? leftHalf + rightHalf : leftOk ? 2 * leftHalf : 2 * rightHalf;
  return { index: pick.i, centreInvA: c, fwhmInvA: fwhm, prominence: pick.prom, oneSided: !(leftOk && rightOk) };
}

export interface BraggPeak {
  qInvA: number;
  fwhmInvA: number;
  /** Peak height above the local baseline, in units of the local noise. */
  heightSigma: number;
  /** Peak height above the local baseline, intensity units. */
  height: number;
  /** Index range [lo, hi] to exclude from the halo fit. */
  lo: number;
  hi: number;
}

/** Local noise: 1.4826 × running median of |residual| (±half points), smoothed; floored to stay > 0. */
function localNoise(resid: number[], half: number, floor: number): number[] {
  const absMed = movingAverage(runningMedian(resid.map(Math.abs), Math.min(half, 100)), half);
  return absMed.map((m) => Math.max(1.4826 * m, floor));
}

/**
 * Smooth baseline under narrow peaks: quadratic Savitzky–Golay over 0.06 Å⁻¹ (follows the halo's
 * curvature without bias, unlike a running median), refitted three times with points more than
 * 2.5 noise units above it clipped to it, so narrow peaks do not pull it up.
 */
function clippedBaseline(q: number[], y: number[], floor: number): { base: number[]; sigma: number[] } {
  const step = medianStep(q);
  const n = y.length;
  const half = Math.min(halfPoints(0.06, step, 3, 150), Math.max(2, (n - 1) >> 1));
  const windowSize = 2 * half + 1;
  const noiseHalf = halfPoints(0.5, step, 10, 300);
  const smooth = (v: number[]): number[] => (n >= windowSize ? Array.from(savitzkyGolay(v, step, windowSize, 0, 2)) : runningMedian(v, half));
  let base = smooth(y);
  let sigma = localNoise(
    y.map((v, i) => v - base[i]),
    noiseHalf,
    floor,
  );
  for (let it = 0; it < 3; it++) {
    const clipped = y.map((v, i) => (v > base[i] + 2.5 * sigma[i] ? base[i] : v));
    base = smooth(clipped);
    sigma = localNoise(
      y.map((v, i) => v - base[i]),
      noiseHalf,
      floor,
    );
  }
  return { base, sigma };
}

/**
 * Narrow peaks on the pattern: points above a clipped Savitzky–Golay baseline by more than 6
 * local noise units (1.4826 × running median of |residual| over 0.5 Å⁻¹), with a neighbour
 * above 3 noise units (a lone spike is not a peak), local maxima within ±0.01 Å⁻¹, whose FWHM
 * is below maxFwhmInvA (a fifth of the halo's). A weaker maximum
 * within 0.06 Å⁻¹ of one three times stronger is its wing, not a peak. Also counts single-point spikes.
 */
export function findBraggPeaks(q: number[], y: number[], maxFwhmInvA: number): { peaks: BraggPeak[]; spikes: number } {
  const n = q.length;
  const step = medianStep(q);
  let yMax = 0;
  for (const v of y) yMax = Math.max(yMax, Math.abs(v));
  // Noise-free (simulated or smoothed) data would give σ = 0; keep z finite.
  const { base, sigma } = clippedBaseline(q, y, 1e-9 * Math.max(yMax, 1e-300));
  const resid = y.map((v, i) => v - base[i]);
  const z = resid.map((r, i) => r / sigma[i]);
  const near = halfPoints(0.02, step, 1, 50);
  const peaks: BraggPeak[] = [];
  let spikes = 0;
  for (let i = 0; i < n; i++) {
    if (z[i] < 6) continue;
    let isMax = true;
    for (let j = Math.max(0, i - near); j <= Math.min(n - 1, i + near) && isMax; j++) if (z[j] > z[i] || (z[j] === z[i] && j < i)) isMax = false;
    if (!isMax) continue;
    const neighbour = Math.max(i > 0 ? z[i - 1] : -Infinity, i < n - 1 ? z[i + 1] : -Infinity);
    if (neighbour < 3) {
      spikes++;
      continue;
    }
    const halfHeight = resid[i] / 2;
    let l = i;
    while (l > 0 && resid[l] > halfHeight) l--;
    let r = i;
    while (r < n - 1 && resid[r] > halfHeight) r++;
    const fwhm = q[r] - q[l];
    if (fwhm >= maxFwhmInvA) continue;
    const pad = Math.max(2, r - l);
    peaks.push({ qInvA: q[i], fwhmInvA: fwhm, heightSigma: z[i], height: resid[i], lo: Math.max(0, l - pad), hi: Math.min(n - 1, r + pad) });
  }
  // The baseline window (0.06 Å⁻¹) cannot follow the Lorentzian wings of a strong peak, which
  // then show as weak maxima beside it.
  const kept: BraggPeak[] = [];
  for (const p of [...peaks].sort((a, b) => b.heightSigma - a.heightSigma)) {
    if (!kept.some((k) => Math.abs(k.qInvA - p.qInvA) < 0.06 && k.heightSigma > 3 * p.heightSigma)) kept.push(p);
  }
  return { peaks: kept.sort((a, b) => a.qInvA - b.qInvA), spikes };
}
