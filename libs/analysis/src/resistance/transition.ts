import { AnalysisError, fail, ok, Result } from '../core/errors';
import { fitLine, lineAt, MAD_TO_STD, median } from '../core/numeric';

/** The resistive transition of one R(T) sweep at one field. */
export interface Transition {
  /** 50 % of the normal-state resistance just above the transition (linear baseline extrapolated), K. */
  tcK: number;
  t10K: number;
  t90K: number;
  width1090K: number;
  /** Normal-state baseline evaluated at tcK, in the channel's unit. */
  normalAtTc: number;
  /** dR/dT of a straight line through the whole normal state above the transition (unit/K). */
  tcrSlopePerK: number;
  tcrSlopeErrPerK: number | null;
  /** −1/0/+1; 0 when the slope is within 3 standard errors of zero. */
  tcrSign: -1 | 0 | 1;
}

const MIN_POINTS = 10;
/** Normal points whose median tracks R(T) down to the transition; small enough to follow a large TCR. */
const REF_WINDOW = 5;
/** Largest normal-state |d ln R/dT| expected, 1/K (metals: a few 10⁻³; a transition: ≳ 1/width). */
const MAX_TCR_PER_K = 0.02;

/** Highest-temperature crossing of `level` by r, searching downward from index `top`; NaN if none. */
function crossingK(tK: number[], r: number[], level: number, top: number): number {
  for (let i = top; i >= 0; i--) {
    if (r[i] < level) {
      if (i === top) return tK[i];
      const f = (level - r[i]) / (r[i + 1] - r[i]);
      return tK[i] + f * (tK[i + 1] - tK[i]);
    }
  }
  return NaN;
}

/**
 * Where the sweep has a gap: a step more than max(minGapK, 5 × the median step) wide. Steps are
 * between consecutive ascending temperatures.
 */
function gapThresholdK(tK: readonly number[], minGapK: number): number {
  const steps: number[] = [];
  for (let i = 1; i < tK.length; i++) if (tK[i] > tK[i - 1]) steps.push(tK[i] - tK[i - 1]);
  return Math.max(minGapK, 5 * (steps.length > 0 ? median(steps) : 0));
}

/** Point-to-point noise of r along the sweep: 1.4826 · median |Δr| / √2 (a transition's few big steps do not count). */
function stepNoise(r: readonly number[]): number {
  const d: number[] = [];
  for (let i = 1; i < r.length; i++) d.push(Math.abs(r[i] - r[i - 1]));
  return d.length > 0 ? (MAD_TO_STD * median(d)) / Math.SQRT2 : 0;
}

/**
 * Finds the superconducting transition of one R(T) sweep (any order, any unit).
 *
 * Definitions: walking down in temperature, the normal state is tracked by the median of the last
 * five normal points (a point counts as normal when it lies no further below that than a 2 %/K TCR
 * and the noise allow); the transition is where R first falls below half of that (two points in a row,
 * so a single glitch is ignored). Across a gap in temperature (a step wider than max(1 K, 5 × the
 * median step)) the tracking restarts from the first point below it, so a normal state that changed
 * over the gap is not mistaken for the transition. The normal-state resistance "just above the
 * transition" is a straight line fitted from just above the transition over max(1 K, 0.2·Tc) and
 * extrapolated, never across a gap (at least the four nearest points, or what lies before the gap);
 * r = R / R_n(T). Tc is the highest-temperature crossing of r = 0.5, the 10–90 % width is
 * T(r = 0.9) − T(r = 0.1) (also highest crossings). TCR sign: slope of a line through all the normal
 * points above the transition, counted only if it exceeds three standard errors.
 * Errors: NOT_ENOUGH_DATA (< 10 finite points), NO_TRANSITION (R never below 50 %, or "no normal
 * state in this scan": R at the top of the sweep within noise of zero, or nothing measured above
 * the transition).
 */
export function analyzeTransition(temperatureK: readonly number[], resistance: readonly number[]): Result<Transition, AnalysisError> {
  const idx = temperatureK.map((_, i) => i).filter((i) => Number.isFinite(temperatureK[i]) && Number.isFinite(resistance[i]));
  if (idx.length < MIN_POINTS) return fail(new AnalysisError('NOT_ENOUGH_DATA', `only ${idx.length} finite R(T) points (need ${MIN_POINTS})`));
  idx.sort((a, b) => temperatureK[a] - temperatureK[b]);
  const tK = idx.map((i) => temperatureK[i]);
  const rOhm = idx.map((i) => resistance[i]);
  const n = tK.length;
  const gapK = gapThresholdK(tK, 1);
  const gapBelow = (i: number): boolean => tK[i + 1] - tK[i] > gapK;

  const normal: number[] = rOhm.slice(n - REF_WINDOW);
  let refOhm = median(normal);
  const noise = stepNoise(rOhm);
  if (!(refOhm > 10 * noise)) {
    return fail(
      new AnalysisError(
        'NO_TRANSITION',
        `no normal state in this scan: R stays within noise of zero (${refOhm.toPrecision(3)} at the top, noise ${noise.toPrecision(3)}) from ${tK[0]} to ${tK[n - 1]} K, superconducting throughout?`,
      ),
    );
  }
  let i50 = -1;
  let lastNormalK = tK[n - REF_WINDOW];
  for (let i = n - REF_WINDOW - 1; i >= 0; i--) {
    if (gapBelow(i) && rOhm[i] >= 0.25 * refOhm) {
      // The normal state went on below the gap: restart tracking from here.
      normal.splice(0, normal.length, rOhm[i]);
      refOhm = rOhm[i];
      lastNormalK = tK[i];
      continue;
    }
    const below = rOhm[i] < 0.5 * refOhm && (i === 0 || rOhm[i - 1] < 0.5 * refOhm);
    if (below) {
      i50 = i;
      break;
    }
    // A normal point may sit below the reference only as far as a metal's TCR and the noise allow,
    // so the points of a gradual transition do not drag the reference down with them.
    if (rOhm[i] >= refOhm * (1 - MAX_TCR_PER_K * (lastNormalK - tK[i])) - 5 * noise) {
      normal.unshift(rOhm[i]);
      if (normal.length > REF_WINDOW) normal.pop();
      refOhm = median(normal);
      lastNormalK = tK[i];
    }
  }
  if (i50 < 0)
    return fail(new AnalysisError('NO_TRANSITION', `R never drops below 50 % of its normal-state value (${refOhm.toPrecision(4)}) down to ${tK[0]} K`));

  let iOn = i50 + 1;
  while (iOn < n - 1 && rOhm[iOn] < 0.9 * refOhm && !gapBelow(iOn)) iOn++;
  const roughWidthK = tK[iOn] - tK[i50];
  const startK = tK[iOn] + Math.max(0.02, 2 * roughWidthK);
  const spanK = Math.max(1, 0.2 * tK[i50]);
  // The normal state above the transition, up to the first gap: the points beyond the transition's
  // margin, or (when a gap comes first) the normal points between the transition and the gap.
  let end = iOn;
  while (end < n - 1 && !gapBelow(end)) end++;
  const above: number[] = [];
  for (let i = iOn; i <= end; i++) if (tK[i] > startK) above.push(i);
  if (above.length === 0) for (let i = iOn; i <= end; i++) if (rOhm[i] >= 0.9 * refOhm) above.push(i);
  if (above.length === 0) {
    return fail(
      new AnalysisError(
        'NO_TRANSITION',
        `no normal state in this scan: nothing measured above the transition (${tK[i50].toFixed(3)} K) before a gap or the top`,
      ),
    );
  }
  let baseWindow = above.filter((i) => tK[i] <= startK + spanK);
  if (baseWindow.length < 4) baseWindow = above.slice(0, 4);
  const base =
    baseWindow.length >= 2
      ? fitLine(
          baseWindow.map((i) => tK[i]),
          baseWindow.map((i) => rOhm[i]),
        )
      : undefined;
  const rn = (t: number): number => (base !== undefined && Number.isFinite(base.slope) ? lineAt(base, t) : median(baseWindow.map((i) => rOhm[i])));
  const ratio = tK.map((t, i) => rOhm[i] / rn(t));
  const top = above[0];

  const tcK = crossingK(tK, ratio, 0.5, top);
  const t90K = crossingK(tK, ratio, 0.9, top);
  const t10K = crossingK(tK, ratio, 0.1, top);
  if (!Number.isFinite(tcK)) return fail(new AnalysisError('NO_TRANSITION', 'R/R_n never crosses 0.5'));

  // The sign of the normal state's slope is a property of the whole normal state, gaps or not.
  const normalAll = tK.map((_, i) => i).filter((i) => i >= top);
  const tcr = fitLine(
    normalAll.map((i) => tK[i]),
    normalAll.map((i) => rOhm[i]),
  );
  const slope = Number.isFinite(tcr.slope) ? tcr.slope : 0;
  const err = Number.isFinite(tcr.slopeErr) ? tcr.slopeErr : null;
  const significant = err !== null && Math.abs(slope) > 3 * err;
  const tcrSign: -1 | 0 | 1 = significant ? (slope < 0 ? -1 : 1) : 0;
  return ok({
    tcK,
    t10K,
    t90K,
    width1090K: t90K - t10K,
    normalAtTc: rn(tcK),
    tcrSlopePerK: slope,
    tcrSlopeErrPerK: err,
    tcrSign,
  });
}
