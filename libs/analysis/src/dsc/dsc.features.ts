/**
 * Feature constructions on a heating curve resampled on a uniform grid, signal oriented exo-up:
 * a peak (onset by the tangent at the steepest point of the leading edge, intersected with the
 * pre-peak baseline; area over a straight baseline from start to end) and a step (Tg onset by the
 * tangent at the inflection intersected with the extrapolated glass baseline).
 */
import { type LineFit, lineAt, median } from '../core/numeric';
import { fitLineInWindows, integrate } from './dsc.curve';

/** A curve on a uniform temperature grid; y is exo-up (W/g or mW). */
export interface PreparedCurve {
  tK: number[];
  stepK: number;
  /** Resampled signal. */
  y: number[];
  /** Savitzky–Golay smoothed signal. */
  ys: number[];
  /** Savitzky–Golay derivative dy/dT. */
  d: number[];
  /** White-noise standard deviation of y. */
  noise: number;
  /** Robust spread of the derivative over the curve (noise plus slow drift). */
  noiseD: number;
}

/** How far on either side of a feature its edges and baselines are looked for, K. */
const SEARCH_K = 40;
const BASELINE_WINDOW_K = 8;
/** Edges of a peak: where the slope falls to this fraction of its extreme. */
const EDGE_FRACTION = 0.01;
/** Baselines start this many derivative-FWHMs away from the Tg inflection (logistic: < 0.5 % of the step left). */
const GLASS_END_FWHM = 2;
const LIQUID_START_FWHM = 1.5;
/** Below this window length a baseline slope is too noisy to extrapolate. */
const MIN_SLOPE_WINDOW_K = 3;

export interface PeakFeature {
  startK: number;
  steepK: number;
  peakK: number;
  endK: number;
  onsetK: number;
  /** Height above the start–end line, y units. */
  height: number;
  /** ∫ (y − straight baseline) dT from start to end, y-units·K; positive. */
  areaYK: number;
  baseline: LineFit;
  baselineWindow: [number, number];
}

export interface StepFeature {
  inflectionK: number;
  onsetK: number;
  midK: number | null;
  /** Step height glass − liquid baseline at the inflection, y units (positive = endothermic step). */
  height: number | null;
  glass: LineFit;
  glassWindow: [number, number];
  liquidWindow: [number, number] | null;
  /** Where the step is over (inflection + 1.5 FWHM of the derivative dip), K. */
  liquidStartK: number;
}

function argExtreme(v: number[], i0: number, i1: number, sign: 1 | -1): number {
  let best = i0;
  for (let i = i0; i <= i1; i++) if (sign * v[i] > sign * v[best]) best = i;
  return best;
}

/**
 * Find the largest peak of sign·y within [loK, hiK] (sign +1 = exotherm in an exo-up signal,
 * −1 = endotherm). `preFloorK` keeps the pre-peak baseline window above e.g. the end of the Tg step.
 * Returns a reason string when there is no credible peak.
 */
export function findPeak(c: PreparedCurve, sign: 1 | -1, loK: number, hiK: number, preFloorK?: number): PeakFeature | string {
  const { tK, stepK } = c;
  const n = tK.length;
  const at = (t: number): number => Math.min(n - 1, Math.max(0, Math.round((t - tK[0]) / stepK)));
  const y = c.y.map((v) => sign * v);
  const ys = c.ys.map((v) => sign * v);
  const d = c.d.map((v) => sign * v);
  const i0 = at(loK);
  const i1 = at(hiK);
  if (i1 - i0 < 10) return 'the searched range is too short';
  const ip = argExtreme(ys, i0, i1, 1);
  if (tK[ip] < loK + 2 || tK[ip] > hiK - 2) return `the ${sign > 0 ? 'highest' : 'lowest'} point lies at the edge of the scan, not on a peak`;
  const istar = argExtreme(d, Math.max(i0, at(tK[ip] - SEARCH_K)), ip, 1);
  if (!(d[istar] > 5 * c.noiseD)) return 'no leading edge stands out of the noise';
  const thrUp = Math.max(EDGE_FRACTION * d[istar], 3 * c.noiseD);
  let is = istar;
  while (is > i0 && d[is] > thrUp) is--;
  const irev = argExtreme(d, ip, Math.min(n - 1, at(tK[ip] + SEARCH_K)), -1);
  const thrDown = Math.max(EDGE_FRACTION * -d[irev], 3 * c.noiseD);
  let ie = irev;
  while (ie < n - 1 && d[ie] < -thrDown) ie++;

  const startK = tK[is];
  const endK = tK[ie];
  let preLo = Math.max(startK - BASELINE_WINDOW_K, preFloorK ?? -Infinity, tK[0]);
  if (startK - preLo < 4 * stepK) preLo = startK - 4 * stepK;
  const baseline = fitLineInWindows(tK, y, [[preLo, startK]]);
  if (!baseline) return 'too few points before the peak for a baseline';
  const tangentSlope = d[istar] - baseline.slope;
  if (!(tangentSlope > 0)) return 'the leading edge is not steeper than the baseline';
  const onsetK = tK[istar] - (ys[istar] - lineAt(baseline, tK[istar])) / tangentSlope;

  const yStart = ys[is];
  const yEnd = ys[ie];
  const line = (t: number): number => yStart + ((yEnd - yStart) * (t - startK)) / Math.max(endK - startK, stepK);
  const areaYK = integrate(
    tK,
    y.map((v, i) => v - line(tK[i])),
    startK,
    endK,
  );
  const height = ys[ip] - line(tK[ip]);
  if (!(height > 10 * c.noise) || !(areaYK > 0)) return 'the peak is not significant against the noise';
  if (!(onsetK > startK - BASELINE_WINDOW_K && onsetK <= tK[ip])) return 'the onset construction fell outside the peak';
  return {
    startK,
    steepK: tK[istar],
    peakK: tK[ip],
    endK,
    onsetK,
    height,
    areaYK,
    baseline: sign > 0 ? baseline : { ...baseline, slope: -baseline.slope, intercept: -baseline.intercept },
    baselineWindow: [preLo, startK],
  };
}

/**
 * Find the glass-transition step (the steepest descent of an exo-up signal) within [loK, hiK].
 * Returns a reason string when the steepest descent is not a step (e.g. the edge of a melting peak).
 */
export function findStep(c: PreparedCurve, loK: number, hiK: number, liquidHiK = hiK): StepFeature | string {
  const { tK, stepK, y, ys, d } = c;
  const n = tK.length;
  const at = (t: number): number => Math.min(n - 1, Math.max(0, Math.round((t - tK[0]) / stepK)));
  const i0 = at(loK);
  const i1 = at(hiK);
  if (i1 - i0 < 10) return 'the searched range is too short';
  const ii = argExtreme(d, i0, i1, -1);
  const ti = tK[ii];
  if (ti < loK + 2 || ti > hiK - 2) return 'the steepest descent lies at the edge of the searched range';
  const dBase = median(d.slice(i0, i1 + 1));
  const depth = dBase - d[ii];
  if (!(depth > 6 * c.noiseD)) return 'no step stands out of the noise';
  let il = ii;
  while (il > i0 && d[il] < d[ii] + depth / 2) il--;
  let ir = ii;
  while (ir < i1 && d[ir] < d[ii] + depth / 2) ir++;
  const fwhmK = Math.max(tK[ir] - tK[il], 2 * stepK);

  const glassWindow: [number, number] = [Math.max(tK[0], ti - GLASS_END_FWHM * fwhmK - BASELINE_WINDOW_K), ti - GLASS_END_FWHM * fwhmK];
  const glass = fitLineInWindows(tK, y, [glassWindow]);
  if (!glass) return 'too few points below the step for a glass baseline';
  const tangentSlope = d[ii] - glass.slope;
  if (!(tangentSlope < 0)) return 'the step is not steeper than the glass baseline';
  const onsetK = ti - (ys[ii] - lineAt(glass, ti)) / tangentSlope;

  const liqLo = ti + LIQUID_START_FWHM * fwhmK;
  const liqHi = Math.min(liqLo + BASELINE_WINDOW_K, liquidHiK);
  const liquidWindow: [number, number] | null = liqHi - liqLo >= 4 * stepK ? [liqLo, liqHi] : null;
  let liquid = liquidWindow ? fitLineInWindows(tK, y, [liquidWindow]) : undefined;
  const shortLiquid = liquidWindow !== null && liquidWindow[1] - liquidWindow[0] < MIN_SLOPE_WINDOW_K;
  if (liquid && shortLiquid) {
    // Too short a supercooled-liquid window to trust its slope: take the glass slope, fit the level.
    const w = tK.map((t, i) => [t, y[i] - glass.slope * t]).filter(([t]) => t >= liqLo && t <= liqHi);
    liquid = { ...liquid, slope: glass.slope, intercept: median(w.map(([, r]) => r)) };
  }
  let height: number | null = null;
  let midK: number | null = null;
  if (liquid) {
    height = lineAt(glass, ti) - lineAt(liquid, ti);
    // A step leaves the signal on a new level (nothing dips far below it); a peak's edge comes back up.
    let farSum = 0;
    let farN = 0;
    let deepest = -Infinity;
    for (let i = ii; i < n && tK[i] <= liqHi; i++) {
      const below = lineAt(glass, tK[i]) - ys[i];
      deepest = Math.max(deepest, below);
      if (tK[i] >= liqLo) [farSum, farN] = [farSum + lineAt(glass, tK[i]) - y[i], farN + 1];
    }
    const farDrop = farN > 0 ? farSum / farN : 0;
    const stepLike = farDrop > 0 && deepest <= 1.5 * farDrop + 5 * c.noise;
    if (!stepLike || !(height > 0.25 * depth * fwhmK) || (!shortLiquid && Math.abs(liquid.slope - dBase) > 0.25 * depth)) {
      return 'the steepest descent is the edge of an endothermic peak, not a heat-capacity step';
    }
    for (let i = il; i <= ir + 1 && i < n; i++) {
      const mid = (lineAt(glass, tK[i]) + lineAt(liquid, tK[i])) / 2;
      const prevMid = (lineAt(glass, tK[i - 1]) + lineAt(liquid, tK[i - 1])) / 2;
      if (ys[i] <= mid && ys[i - 1] > prevMid) {
        const f = (ys[i - 1] - prevMid) / (ys[i - 1] - prevMid - (ys[i] - mid));
        midK = tK[i - 1] + f * stepK;
        break;
      }
    }
  }
  if (!(onsetK > glassWindow[0] && onsetK <= ti)) return 'the onset construction fell outside the step';
  return { inflectionK: ti, onsetK, midK, height, glass, glassWindow, liquidWindow, liquidStartK: liqLo };
}
