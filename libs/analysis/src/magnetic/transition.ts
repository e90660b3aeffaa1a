/**
 * Locates the diamagnetic transition in a baseline-subtracted χ(T): onset, midpoint, 10–90 %
 * crossings and the FWHM of the dχ/dT peak, on a uniform grid smoothed by Savitzky–Golay.
 */
import { oddWindow, resampleUniform, savitzkyGolay } from '../core/numeric';

/**
 * The derivative window is 2.5× the smoothing window (≈ 0.6 × the 10–90 % width) with a quartic
 * local fit: quartic Savitzky–Golay keeps the peak shape (bias ≪ 1 % of the FWHM) while the wider
 * window holds the derivative noise down; a quadratic fit over the same span would broaden the peak.
 */
export const DERIVATIVE_WINDOW_FACTOR = 2.5;
export interface TransitionShape {
  onsetK: number | null;
  /** True when the signal is already below threshold at the top of the sweep (onset = top). */
  onsetAtTop: boolean;
  midK: number | null;
  t10K: number | null;
  t90K: number | null;
  grid: { startK: number; stepK: number; values: Float64Array; smoothed: Float64Array; windowPoints: number; onsetIndex: number };
}

export interface PeakWidth {
  fwhmK: number | null;
  peakK: number | null;
  derivative: Float64Array;
  /** Grid points inside the FWHM (few points: the width is poorly resolved). */
  pointsInFwhm: number;
}

/** Odd Savitzky–Golay window in points, at least 5, no wider than a third of the grid. */
const gridWindow = (points: number, gridCount: number): number => oddWindow(points, Math.max(5, Math.floor(gridCount / 3) | 1));

/** Temperature where y crosses `level` between grid points i (below) and i + 1 (not below). */
function interpolate(startK: number, stepK: number, y: ArrayLike<number>, i: number, level: number): number {
  const y0 = y[i];
  const y1 = y[i + 1];
  const w = y1 !== y0 ? (level - y0) / (y1 - y0) : 0;
  return startK + (i + Math.min(Math.max(w, 0), 1)) * stepK;
}

/**
 * Coming down in temperature, the first grid point below `level` (0-based index), or −1.
 * With `holdPoints` > 0 the following (colder) points must stay below too.
 */
function firstFallBelow(y: ArrayLike<number>, level: number, holdPoints: number): number {
  let run = 0;
  // Walking up from the cold end, `run` counts consecutive colder points below level.
  const below = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    below[i] = y[i] < level && (holdPoints === 0 || run >= (holdPoints < i ? holdPoints : i)) ? 1 : 0;
    run = y[i] < level ? run + 1 : 0;
  }
  for (let i = y.length - 1; i >= 0; i--) if (below[i]) return i;
  return -1;
}

/**
 * @param temperatureK ascending, distinct temperatures, K
 * @param signal baseline-subtracted χ, emu g⁻¹ Oe⁻¹ (negative in the shielded state)
 * @param noise residual std of the normal-state baseline, same units
 * @param lowValue the signal at the lowest temperature (noise-averaged)
 * @param stepK grid step, K; `windowPoints` the Savitzky–Golay window on that grid
 */
export function locateTransition(
  temperatureK: number[],
  signal: number[],
  noise: number,
  lowValue: number,
  stepK: number,
  windowPoints: number,
): TransitionShape {
  const startK = temperatureK[0];
  const count = Math.max(2, Math.floor((temperatureK[temperatureK.length - 1] - startK) / stepK + 1e-9) + 1);
  const grid = resampleUniform(temperatureK, signal, startK, stepK, count);
  const w = gridWindow(windowPoints, count);
  const smoothed = count >= 5 ? savitzkyGolay(grid, stepK, w, 0, 2) : grid;
  const shape: TransitionShape = {
    onsetK: null,
    onsetAtTop: false,
    midK: null,
    t10K: null,
    t90K: null,
    grid: { startK, stepK, values: grid, smoothed, windowPoints: w, onsetIndex: -1 },
  };

  const onsetIdx = firstFallBelow(smoothed, -5 * noise, Math.max(3, w));
  if (onsetIdx < 0) return shape;
  shape.grid.onsetIndex = onsetIdx;
  shape.onsetAtTop = onsetIdx === count - 1;
  shape.onsetK = shape.onsetAtTop ? startK + onsetIdx * stepK : interpolate(startK, stepK, smoothed, onsetIdx, -5 * noise);

  shape.midK = fractionCrossingK(shape, 0.5, lowValue);
  shape.t10K = fractionCrossingK(shape, 0.1, lowValue);
  shape.t90K = fractionCrossingK(shape, 0.9, lowValue);
  return shape;
}

/**
 * Coming down in T, where the smoothed signal first reaches `fraction` of its low-temperature value
 * (and stays there), K; null when it never does inside the sweep.
 */
export function fractionCrossingK(shape: TransitionShape, fraction: number, lowValue: number): number | null {
  const { startK, stepK, smoothed, windowPoints } = shape.grid;
  const i = firstFallBelow(smoothed, fraction * lowValue, Math.max(3, windowPoints));
  return i < 0 || i === smoothed.length - 1 ? null : interpolate(startK, stepK, smoothed, i, fraction * lowValue);
}

/**
 * FWHM of the dχ/dT peak below the onset: quartic Savitzky–Golay derivative on the same grid,
 * half-maximum points interpolated walking outwards from the maximum.
 */
export function derivativePeakWidth(shape: TransitionShape): PeakWidth {
  const { startK, stepK, values, windowPoints, onsetIndex } = shape.grid;
  const count = values.length;
  const wd = gridWindow(windowPoints * DERIVATIVE_WINDOW_FACTOR, count);
  const derivative = count >= 5 ? savitzkyGolay(values, stepK, wd, 1, 4) : new Float64Array(count);
  const out: PeakWidth = { fwhmK: null, peakK: null, derivative, pointsInFwhm: 0 };
  // Skip the half-window at each end, where Savitzky–Golay extrapolates.
  const half = (wd - 1) / 2;
  let peak = -1;
  for (let i = half; i <= Math.min(onsetIndex, count - 1 - half); i++) if (peak < 0 || derivative[i] > derivative[peak]) peak = i;
  if (peak < 0 || !(derivative[peak] > 0)) return out;
  out.peakK = startK + peak * stepK;
  const halfMax = derivative[peak] / 2;
  let lo = peak;
  while (lo > 0 && derivative[lo] >= halfMax) lo--;
  let hi = peak;
  while (hi < count - 1 && derivative[hi] >= halfMax) hi++;
  if (derivative[lo] < halfMax && derivative[hi] < halfMax) {
    const lowK = startK + (lo + (halfMax - derivative[lo]) / (derivative[lo + 1] - derivative[lo])) * stepK;
    const highK = startK + (hi - 1 + (derivative[hi - 1] - halfMax) / (derivative[hi - 1] - derivative[hi])) * stepK;
    out.fwhmK = highK - lowK;
    out.pointsInFwhm = hi - lo - 1;
  }
  return out;
}
