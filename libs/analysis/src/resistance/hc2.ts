import { coherenceLengthNm, whhHc2ZeroT } from './dirty-limit';
import { fitLine } from '../core/numeric';
import { fitMakiDeGennes, Hc2Point, MdgFit } from './mdg-fit';

/** Hc2-derived metrics; null when the points cannot support them. */
export interface Hc2Metrics {
  dHc2dTTPerK: number | null;
  dHc2dTErrTPerK: number | null;
  hc2ZeroWhhT: number | null;
  hc2ZeroMdgT: number | null;
  xiNm: number | null;
  xiMdgNm: number | null;
}

/** The metrics and what they were computed from. */
export interface Hc2Estimates extends Hc2Metrics {
  /** The points the linear slope was fitted to. */
  slopePoints: Hc2Point[];
  mdg: MdgFit | null;
}

/** Points with T ≥ 0.9 Tc0 are "near Tc": there the dirty-limit curve bends the chord slope by < 1 %. */
export const NEAR_TC_FRACTION = 0.9;
const MIN_SLOPE_POINTS = 3;
/** Below this the lowest field counts as zero field, tesla. */
export const ZERO_FIELD_T = 0.005;

const EMPTY: Hc2Estimates = {
  dHc2dTTPerK: null,
  dHc2dTErrTPerK: null,
  hc2ZeroWhhT: null,
  hc2ZeroMdgT: null,
  xiNm: null,
  xiMdgNm: null,
  slopePoints: [],
  mdg: null,
};

/**
 * Upper critical field from Hc2(T) points (one per field; Tc by the 50 % criterion).
 * - dμ0Hc2/dT: straight-line fit of μ0Hc2 against Tc through the points with Tc ≥ 0.9 Tc0
 *   (Tc0 = Tc at the lowest field), or the three highest-Tc points when fewer lie there.
 *   The dirty-limit curve is concave, so the chord slope is smaller than the slope at Tc0:
 *   the further from Tc the points, the lower the WHH estimate.
 * - WHH: μ0Hc2(0) = −0.693 Tc0 (dμ0Hc2/dT)|Tc (Tc0 extrapolated from the fit when no zero-field point).
 * - Maki–de Gennes: fit of the full digamma curve (see fitMakiDeGennes), Tc0 fixed at the
 *   zero-field Tc when there is one.
 * - ξ(0) = sqrt(Φ0 / (2π μ0Hc2(0))) from each estimate (xiNm from WHH, xiMdgNm from MdG).
 */
export function estimateHc2(points: readonly Hc2Point[], warnings: string[]): Hc2Estimates {
  const pts = [...points].filter((p) => Number.isFinite(p.tcK) && Number.isFinite(p.fieldT)).sort((a, b) => a.fieldT - b.fieldT);
  if (pts.length < 2) {
    warnings.push('only one field with a transition: Hc2, WHH, Maki–de Gennes and ξ not determined');
    return EMPTY;
  }
  const zeroField = pts[0].fieldT < ZERO_FIELD_T;
  const tcRefK = pts[0].tcK;
  const byTcDesc = [...pts].sort((a, b) => b.tcK - a.tcK);
  let slopePoints = byTcDesc.filter((p) => p.tcK >= NEAR_TC_FRACTION * tcRefK);
  if (slopePoints.length < MIN_SLOPE_POINTS) {
    slopePoints = byTcDesc.slice(0, MIN_SLOPE_POINTS);
    if (slopePoints.some((p) => p.tcK < NEAR_TC_FRACTION * tcRefK)) {
      warnings.push(
        `fewer than ${MIN_SLOPE_POINTS} Hc2 points within 10 % of Tc: dHc2/dT taken from the ${slopePoints.length} highest-Tc points (WHH biased low by the curvature)`,
      );
    }
  }
  const fit = fitLine(
    slopePoints.map((p) => p.tcK),
    slopePoints.map((p) => p.fieldT),
  );
  const out: Hc2Estimates = { ...EMPTY, slopePoints };
  if (fit.slope < 0) {
    const tc0K = zeroField ? tcRefK : -fit.intercept / fit.slope;
    out.dHc2dTTPerK = fit.slope;
    // Two points give a slope but no residual to estimate its error from.
    out.dHc2dTErrTPerK = Number.isFinite(fit.slopeErr) ? fit.slopeErr : null;
    if (out.dHc2dTErrTPerK === null) warnings.push('dHc2/dT from two points: no standard error');
    out.hc2ZeroWhhT = whhHc2ZeroT(tc0K, fit.slope);
    out.xiNm = coherenceLengthNm(out.hc2ZeroWhhT);
  } else {
    warnings.push('Tc does not fall with field near Tc: dHc2/dT and WHH not determined');
  }
  const mdg = fitMakiDeGennes(pts, zeroField ? tcRefK : undefined);
  if (mdg) {
    out.mdg = mdg;
    out.hc2ZeroMdgT = mdg.hc2ZeroT;
    out.xiMdgNm = coherenceLengthNm(mdg.hc2ZeroT);
  } else {
    warnings.push('Maki–de Gennes fit failed (no field-suppressed Tc)');
  }
  return out;
}
