import { AnalysisError, fail, ok, Result } from '../core/errors';
import { fitLine, lineAt, median } from '../core/numeric';

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
 * Finds the superconducting transition of one R(T) sweep (any order, any unit).
 *
 * Definitions: walking down in temperature, the normal state is tracked by the median of the last
 * five normal points; the transition is where R first falls below half of that (two points in a row,
 * so a single glitch is ignored). The normal-state resistance "just above the transition" is a
 * straight line fitted from just above the transition over max(1 K, 0.2·Tc) and extrapolated;
 * r = R / R_n(T). Tc is the highest-temperature crossing of r = 0.5, the 10–90 % width is
 * T(r = 0.9) − T(r = 0.1) (also highest crossings). TCR sign: slope of a line through all normal
 * points above the transition, counted only if it exceeds three standard errors.
 * Errors: NOT_ENOUGH_DATA (< 10 finite points or no normal state), NO_TRANSITION (R never below 50 %).
 */
export function analyzeTransition(temperatureK: readonly number[], resistance: readonly number[]): Result<Transition, AnalysisError> {
  const idx = temperatureK.map((_, i) => i).filter((i) => Number.isFinite(temperatureK[i]) && Number.isFinite(resistance[i]));
  if (idx.length < MIN_POINTS) return fail(new AnalysisError('NOT_ENOUGH_DATA', `only ${idx.length} finite R(T) points (need ${MIN_POINTS})`));
  idx.sort((a, b) => temperatureK[a] - temperatureK[b]);
  const tK = idx.map((i) => temperatureK[i]);
  const rOhm = idx.map((i) => resistance[i]);
  const n = tK.length;

  const normal: number[] = rOhm.slice(n - REF_WINDOW);
  let refOhm = median(normal);
  if (!(refOhm > 0)) return fail(new AnalysisError('NO_TRANSITION', 'no positive normal-state resistance at the top of the sweep'));
  let i50 = -1;
  for (let i = n - REF_WINDOW - 1; i >= 0; i--) {
    const below = rOhm[i] < 0.5 * refOhm && (i === 0 || rOhm[i - 1] < 0.5 * refOhm);
    if (below) {
      i50 = i;
      break;
    }
    if (rOhm[i] >= 0.9 * refOhm) {
      normal.unshift(rOhm[i]);
      if (normal.length > REF_WINDOW) normal.pop();
      refOhm = median(normal);
    }
  }
  if (i50 < 0)
    return fail(new AnalysisError('NO_TRANSITION', `R never drops below 50 % of its normal-state value (${refOhm.toPrecision(4)}) down to ${tK[0]} K`));

  let iOn = i50 + 1;
  while (iOn < n - 1 && rOhm[iOn] < 0.9 * refOhm) iOn++;
  const roughWidthK = tK[iOn] - tK[i50];
  const startK = tK[iOn] + Math.max(0.02, 2 * roughWidthK);
  const spanK = Math.max(1, 0.2 * tK[i50]);
  const above = tK.map((_, i) => i).filter((i) => tK[i] > startK);
  let baseWindow = above.filter((i) => tK[i] <= startK + spanK);
  if (baseWindow.length < 4) baseWindow = above.slice(0, 4);
  if (baseWindow.length < 2) return fail(new AnalysisError('NOT_ENOUGH_DATA', `fewer than 2 normal-state points above ${startK.toFixed(3)} K`));
  const base = fitLine(
    baseWindow.map((i) => tK[i]),
    baseWindow.map((i) => rOhm[i]),
  );
  const rn = (t: number): number => (Number.isFinite(base.slope) ? lineAt(base, t) : median(baseWindow.map((i) => rOhm[i])));
  const ratio = tK.map((t, i) => rOhm[i] / rn(t));
  const top = above.length > 0 ? above[0] : n - 1;

  const tcK = crossingK(tK, ratio, 0.5, top);
  const t90K = crossingK(tK, ratio, 0.9, top);
  const t10K = crossingK(tK, ratio, 0.1, top);
  if (!Number.isFinite(tcK)) return fail(new AnalysisError('NO_TRANSITION', 'R/R_n never crosses 0.5'));

  const tcr = fitLine(
    above.map((i) => tK[i]),
    above.map((i) => rOhm[i]),
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
