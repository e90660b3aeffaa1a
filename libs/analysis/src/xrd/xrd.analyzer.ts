/**
 * XRD analyzer: principal peak of the amorphous halo (q1, FWHM with standard errors),
 * crystallinity from narrow Bragg peaks, and the change against a reference pattern.
 */
import { downsample } from '../core/numeric';
import { AnalysisError, fail, ok, Result } from '../core/errors';
import { evaluateFit, fitPseudoVoigt, PseudoVoigtFit } from './pseudo-voigt';
import { findBraggPeaks, findPrincipalHalo, halfPoints, medianStep, movingAverage, runningMedian } from './xrd-peaks';
import { twoThetaDegToQInvA, XrdPattern } from './xrd.types';

/** Half-width of the fit window around the halo, in units of its estimated FWHM. */
const WINDOW_FWHM = 1.0;
/** A peak is "narrow" (Bragg) when its FWHM is below this fraction of the halo's FWHM. */
const NARROW_FRACTION = 0.2;
/** …and its height above the baseline at least this fraction of the halo's prominence (smaller ripples are reported, not counted). */
const MIN_BRAGG_FRACTION = 0.1;

/**
 * Beyond this many points the halo is located and fitted on bin averages of ⌈n / MAX_FIT_POINTS⌉
 * consecutive points: a halo ≳ 0.1 Å⁻¹ wide and Bragg peaks ≳ 0.005 Å⁻¹ wide are sampled by
 * hundreds of bins still, and an oversampled 52 MB file (4 million points) would otherwise cost
 * minutes and gigabytes in the smoothing, peak search and fit.
 */
export const MAX_FIT_POINTS = 20_000;

export interface XrdParams {
  /** Wavelength in Å; overrides the file header. Needed when x is 2θ (or unknown). */
  wavelengthA?: number;
  /** Reference pattern (e.g. as-quenched) for q1ShiftPct, fwhmChangePct and densityChangePct. */
  reference?: XrdPattern;
}

export interface XrdResult {
  q1InvA: number;
  q1ErrInvA: number;
  fwhmInvA: number;
  fwhmErrInvA: number;
  /** Lorentzian fraction of the fitted pseudo-Voigt. */
  eta: number;
  crystalline: boolean;
  braggPeaksInvA: number[];
  /** 100 (q1 − q1,ref) / q1,ref; null without a reference. */
  q1ShiftPct: number | null;
  /** 100 (FWHM − FWHM_ref) / FWHM_ref; null without a reference. */
  fwhmChangePct: number | null;
  /** Δρ/ρ ≈ 3 Δq1/q1, in %; positive = densification. Null without a reference. */
  densityChangePct: number | null;
  fitWindowInvA: [number, number];
  reducedChi2: number;
  wavelengthA?: number;
  warnings: string[];
  /** Usable points of the pattern (finite q and intensity). */
  patternPoints: number;
  /** Points the halo was located and fitted on: patternPoints, or the number of bins when decimated. */
  fitPoints: number;
  /** Pattern points averaged into each of those (1: every point as measured). */
  decimationFactor: number;
  /** Pattern and fitted curve in q, for plots. */
  q: number[];
  intensity: number[];
  /** q of the points the halo analysis ran on (q itself, or the bin centres when decimated): where snipBackground is given. */
  analysedQ: number[];
  fitQ: number[];
  fitIntensity: number[];
  /** The background under the fitted halo at each fitQ: the fit's straight line, plus the SNIP background when one was subtracted. */
  fitBackground: number[];
  /** The SNIP background at each q when the halo was fitted after subtracting it (a steep background); empty otherwise. */
  snipBackground: number[];
}

/** q (Å⁻¹) for every point, or an error saying which parameter is missing. */
function qAxis(pattern: XrdPattern, wavelengthA: number | undefined, warnings: string[]): Result<{ q: number[]; wavelengthA?: number }, AnalysisError> {
  if (pattern.xKind === 'qInvA') return ok({ q: pattern.q ?? pattern.x, wavelengthA: wavelengthA ?? pattern.wavelengthA });
  const lambda = wavelengthA ?? pattern.wavelengthA;
  if (lambda === undefined || !(lambda > 0)) {
    const why = pattern.xKind === 'unknown' ? 'the x unit is not stated in the file' : 'x is 2θ and the file states no wavelength';
    return fail(new AnalysisError('MISSING_PARAMETER', `${why}; give wavelengthA (Å) to convert to q = 4π sin θ / λ`));
  }
  if (pattern.xKind === 'unknown') warnings.push(`x unit not stated; x taken as 2θ in degrees with λ = ${lambda} Å`);
  return ok({ q: pattern.x.map((t) => twoThetaDegToQInvA(t, lambda)), wavelengthA: lambda });
}

/** Narrower than this a peak is a Bragg reflection, not an amorphous halo (halos are ≳ 0.1 Å⁻¹ wide). */
const MIN_HALO_FWHM_INVA = 0.03;

/** The SNIP background's half-window, Å⁻¹: wider than a halo's base, so the halo is clipped and the background kept. */
const SNIP_WINDOW_INVA = 1.0;

/** A straight background under the halo is not enough: the width is poorly determined, or the background changes by half the halo's height over one FWHM. */
const isSteep = (f: PseudoVoigtFit): boolean => f.fwhmErr > 0.2 * f.fwhm || Math.abs(f.bg1) * f.fwhm > 0.5 * f.amplitude;

/**
 * SNIP background (Ryan et al. 1988): on v = ln(ln(√(y + 1) + 1) + 1), for k = 1…m replace v_i by
 * min(v_i, (v_{i−k} + v_{i+k})/2); back-transformed. Follows a convex, smooth background and clips
 * peaks narrower than about 2m points.
 */
export function snipBackground(y: readonly number[], m: number): number[] {
  const lls = (v: number): number => Math.log(Math.log(Math.sqrt(Math.max(v, 0) + 1) + 1) + 1);
  const inv = (t: number): number => (Math.exp(Math.exp(t) - 1) - 1) ** 2 - 1;
  let v = Float64Array.from(y, lls);
  let next = new Float64Array(v.length);
  for (let k = 1; k <= Math.min(m, (v.length - 1) >> 1); k++) {
    next.set(v);
    for (let i = k; i < v.length - k; i++) next[i] = Math.min(v[i], (v[i - k] + v[i + k]) / 2);
    [v, next] = [next, v];
  }
  return Array.from(v, inv);
}

interface HaloFit {
  /** The fitted halo, or why there is none. */
  fit: PseudoVoigtFit | AnalysisError;
  /** The points fitted, and the background subtracted before the fit at each (0 when none). */
  fq: number[];
  backgroundAt: number[];
  braggPeaksInvA: number[];
  warnings: string[];
}

/**
 * The principal (lowest-q) halo of (q, y): located on a median-smoothed curve, then pseudo-Voigt +
 * linear background fitted over q1 ± 1 FWHM with the Bragg-peak points left out (see analyzeXrd).
 */
function fitPrincipalHalo(
  q: number[],
  y: number[],
  raw: number[] = y,
): Result<HaloFit & { fit: PseudoVoigtFit }, AnalysisError> | { ok: false; error: AnalysisError; braggPeaksInvA: number[] } {
  const warnings: string[] = [];
  const step = medianStep(q);
  const smooth = movingAverage(runningMedian(y, halfPoints(0.1, step, 2, 150)), halfPoints(0.1, step, 1, 150));
  const halo = findPrincipalHalo(q, smooth);
  if (!halo) return fail(new AnalysisError('NO_TRANSITION', 'no amorphous halo (broad maximum) found in the pattern'));
  if (halo.oneSided) warnings.push('the halo is cut by the end of the pattern; its FWHM start value came from one side');

  const found = findBraggPeaks(q, y, NARROW_FRACTION * halo.fwhmInvA);
  const bragg = { spikes: found.spikes, peaks: found.peaks.filter((p) => p.height >= MIN_BRAGG_FRACTION * halo.prominence) };
  const weak = found.peaks.filter((p) => p.height < MIN_BRAGG_FRACTION * halo.prominence);
  if (weak.length > 0) {
    const where = weak.slice(0, 5).map((p) => p.qInvA.toFixed(3));
    warnings.push(
      `${weak.length} weak narrow feature(s) below ${100 * MIN_BRAGG_FRACTION} % of the halo at q = ${where.join(', ')} Å⁻¹ not counted as Bragg peaks`,
    );
  }
  if (bragg.spikes > 0) warnings.push(`${bragg.spikes} single-point spike(s) ignored`);
  const excluded = new Uint8Array(q.length);
  for (const p of bragg.peaks) for (let i = p.lo; i <= p.hi; i++) excluded[i] = 1;

  // Fit, then refit once over a window centred on the fitted peak, so the window (and its bias)
  // follows the halo identically in a sample and its reference.
  let centre = halo.centreInvA;
  let width = halo.fwhmInvA;
  let fq: number[] = [];
  let backgroundAt: number[] = [];
  let fitted: Result<PseudoVoigtFit, AnalysisError> = fail(new AnalysisError('FIT_FAILED', 'no fit attempted'));
  let kept = { fq, backgroundAt };
  for (let pass = 0; pass < 2; pass++) {
    const lo = centre - WINDOW_FWHM * width;
    const hi = centre + WINDOW_FWHM * width;
    fq = [];
    backgroundAt = [];
    const fy: number[] = [];
    for (let i = 0; i < q.length; i++) {
      if (q[i] >= lo && q[i] <= hi && !excluded[i]) {
        fq.push(q[i]);
        fy.push(y[i]);
        backgroundAt.push(raw[i] - y[i]);
      }
    }
    const attempt = fitPseudoVoigt(fq, fy, { centre, fwhm: width });
    if (!attempt.ok) {
      if (pass === 0) return { ...attempt, braggPeaksInvA: bragg.peaks.map((p) => Number(p.qInvA.toFixed(4))) };
      break;
    }
    fitted = attempt;
    kept = { fq, backgroundAt };
    if (attempt.value.fwhm > 4 * halo.fwhmInvA) break; // runaway width: keep the first window
    // Keep the window no wider than the first estimate: on an asymmetric halo a widening window
    // lets the fit drift towards the centroid, away from the maximum.
    centre = attempt.value.centre;
    width = Math.min(attempt.value.fwhm, halo.fwhmInvA);
  }
  const braggPeaksInvA = bragg.peaks.map((p) => Number(p.qInvA.toFixed(4)));
  if (!fitted.ok) return { ...fitted, braggPeaksInvA };
  const f = fitted.value;
  // A fit is a halo only when it converged to a determined, broad peak inside the pattern.
  const why = !(f.fwhmErr < f.fwhm && f.centreErr < f.fwhm)
    ? `the halo fit did not converge to a determined peak (q1 = ${f.centre.toFixed(3)} ± ${f.centreErr.toPrecision(2)} Å⁻¹, FWHM = ${f.fwhm.toFixed(3)} ± ${f.fwhmErr.toPrecision(2)} Å⁻¹)`
    : !(f.fwhm >= MIN_HALO_FWHM_INVA)
      ? `the fitted peak at q = ${f.centre.toFixed(3)} Å⁻¹ is ${f.fwhm.toFixed(4)} Å⁻¹ wide, narrower than any amorphous halo (a Bragg peak)`
      : !(f.centre > q[0] && f.centre < q[q.length - 1])
        ? `q1 = ${f.centre.toFixed(3)} Å⁻¹ lies outside the pattern (${q[0].toFixed(3)}–${q[q.length - 1].toFixed(3)} Å⁻¹)`
        : undefined;
  if (why) return { ok: false, error: new AnalysisError('FIT_FAILED', why), braggPeaksInvA };
  return ok({ fit: f, ...kept, braggPeaksInvA, warnings });
}

/** A crystalline pattern without a determinable halo: the Bragg peaks, halo metrics not determined (NaN → null). */
function crystallineOnly(braggPeaksInvA: number[], why: string, pattern: UsablePattern, wavelengthA: number | undefined, warnings: string[]): XrdResult {
  const { q, y } = pattern;
  return {
    q1InvA: NaN,
    q1ErrInvA: NaN,
    fwhmInvA: NaN,
    fwhmErrInvA: NaN,
    eta: NaN,
    crystalline: true,
    braggPeaksInvA,
    q1ShiftPct: null,
    fwhmChangePct: null,
    densityChangePct: null,
    fitWindowInvA: [NaN, NaN],
    reducedChi2: NaN,
    wavelengthA,
    warnings: [...warnings, `${braggPeaksInvA.length} narrow Bragg peak(s) and no amorphous halo determined (${why}): the pattern is crystalline`],
    patternPoints: q.length,
    fitPoints: pattern.fitQ.length,
    decimationFactor: pattern.factor,
    q,
    intensity: y,
    analysedQ: pattern.fitQ,
    fitQ: [],
    fitIntensity: [],
    fitBackground: [],
    snipBackground: [],
  };
}

/** The pattern's usable points in ascending q, and what the halo analysis runs on (the same, or bin averages). */
interface UsablePattern {
  q: number[];
  y: number[];
  fitQ: number[];
  fitY: number[];
  factor: number;
}

/** Points with finite q and intensity, sorted by q (stable); the arrays themselves when they already are (the usual case: no copy of a long pattern). */
function usablePoints(q: number[], intensity: number[]): { q: number[]; y: number[] } {
  let clean = intensity.length === q.length;
  for (let i = 0; i < q.length && clean; i++) clean = Number.isFinite(q[i]) && Number.isFinite(intensity[i]) && (i === 0 || q[i] >= q[i - 1]);
  if (clean) return { q, y: intensity };
  const idx: number[] = [];
  for (let i = 0; i < q.length; i++) if (Number.isFinite(q[i]) && Number.isFinite(intensity[i])) idx.push(i);
  idx.sort((a, b) => q[a] - q[b]);
  return { q: idx.map((i) => q[i]), y: idx.map((i) => intensity[i]) };
}

function withFitPoints(q: number[], y: number[]): UsablePattern {
  if (q.length <= MAX_FIT_POINTS) return { q, y, fitQ: q, fitY: y, factor: 1 };
  const bins = downsample(q, y, MAX_FIT_POINTS);
  return { q, y, fitQ: bins.x, fitY: bins.y, factor: Math.ceil(q.length / MAX_FIT_POINTS) };
}

/**
 * Analyze one XRD pattern. Definitions (docs/analysis-definitions.md "XRD"): q = 4π sin θ / λ; the principal
 * (lowest-q) halo is located on a median-smoothed curve, then pseudo-Voigt + linear background is
 * least-squares fitted over q1 ± 1 FWHM (Bragg-peak points excluded) → q1 and FWHM in Å⁻¹ with
 * standard errors from s²(JᵀJ)⁻¹ (see fitPseudoVoigt). Bragg peaks: narrow maxima (FWHM < ⅕ of
 * the halo's, > 6 noise units) → crystalline. Against a reference: q1ShiftPct, fwhmChangePct and
 * densityChangePct = 3 × q1ShiftPct (Δρ/ρ ≈ 3 Δq1/q1). params.wavelengthA overrides the header;
 * the reference uses its own header wavelength, falling back to params.wavelengthA.
 */
export function analyzeXrd(pattern: XrdPattern, params: XrdParams = {}): Result<XrdResult, AnalysisError> {
  const warnings: string[] = [];
  const axis = qAxis(pattern, params.wavelengthA, warnings);
  if (!axis.ok) return axis;
  const usable = usablePoints(axis.value.q, pattern.intensity);
  if (usable.q.length < 20) return fail(new AnalysisError('NOT_ENOUGH_DATA', `only ${usable.q.length} usable points`));
  const points = withFitPoints(usable.q, usable.y);
  if (points.factor > 1) {
    warnings.push(
      `${points.q.length} points: the halo was located and fitted on ${points.fitQ.length} bins of ${points.factor} consecutive points each (their means)`,
    );
  }
  // From here on q and y are what the halo analysis runs on; the full pattern stays in points for the plot.
  const q = points.fitQ;
  const y = points.fitY;

  let halo = fitPrincipalHalo(q, y);
  let snip: number[] = [];
  // A raw pattern's steep background (air and holder scatter falling from low angle, intensity
  // rising at the end) bends under the halo, and a straight line there trades with the peak's
  // width. Then the halo is fitted on the pattern less a SNIP background, kept if it is better
  // determined.
  if (!halo.ok || isSteep(halo.value.fit)) {
    const background = snipBackground(y, Math.round(SNIP_WINDOW_INVA / Math.max(medianStep(q), 1e-9)));
    const flat = fitPrincipalHalo(
      q,
      y.map((v, i) => v - background[i]),
      y,
    );
    if (flat.ok && (!halo.ok || flat.value.fit.fwhmErr < halo.value.fit.fwhmErr)) {
      halo = flat;
      snip = background;
      warnings.push('steep background: the halo was fitted after subtracting a SNIP background (window 1 Å⁻¹)');
    }
  }
  if (!halo.ok) {
    // No halo, but narrow Bragg peaks: a crystalline pattern (the crystallized control), said so.
    if ('braggPeaksInvA' in halo && halo.braggPeaksInvA.length > 0)
      return ok(crystallineOnly(halo.braggPeaksInvA, halo.error.message, points, axis.value.wavelengthA, warnings));
    return halo;
  }
  const { fit, fq, braggPeaksInvA } = halo.value;
  warnings.push(...halo.value.warnings);
  if (braggPeaksInvA.length > 0)
    warnings.push(`${braggPeaksInvA.length} narrow Bragg peak(s): the sample is (partly) crystalline; q1 and FWHM describe the amorphous halo only`);
  if (fit.centre - fq[0] < 0.2 * fit.fwhm || fq[fq.length - 1] - fit.centre < 0.2 * fit.fwhm) {
    warnings.push('fitted q1 lies at the edge of the fit window; the halo may not be covered by the pattern');
  }
  if (fit.fwhmErr > 0.2 * fit.fwhm) warnings.push(`FWHM poorly determined (±${((100 * fit.fwhmErr) / fit.fwhm).toFixed(0)} %)`);

  let q1ShiftPct: number | null = null;
  let fwhmChangePct: number | null = null;
  let densityChangePct: number | null = null;
  if (params.reference) {
    const ref = analyzeXrd(params.reference, { wavelengthA: params.reference.wavelengthA ?? params.wavelengthA });
    if (ref.ok) {
      q1ShiftPct = (100 * (fit.centre - ref.value.q1InvA)) / ref.value.q1InvA;
      fwhmChangePct = (100 * (fit.fwhm - ref.value.fwhmInvA)) / ref.value.fwhmInvA;
      densityChangePct = 3 * q1ShiftPct;
    } else {
      warnings.push(`reference pattern not analyzed: ${ref.error.message}`);
    }
  }
  const fitY = fq.map((v, k) => evaluateFit(fit, v) + halo.value.backgroundAt[k]);
  const fitBackground = fq.map((v, k) => fit.bg0 + fit.bg1 * (v - fit.qRef) + halo.value.backgroundAt[k]);
  return ok({
    q1InvA: fit.centre,
    q1ErrInvA: fit.centreErr,
    fwhmInvA: fit.fwhm,
    fwhmErrInvA: fit.fwhmErr,
    eta: fit.eta,
    crystalline: braggPeaksInvA.length > 0,
    braggPeaksInvA,
    q1ShiftPct,
    fwhmChangePct,
    densityChangePct,
    fitWindowInvA: [fq[0], fq[fq.length - 1]],
    reducedChi2: fit.reducedChi2,
    wavelengthA: axis.value.wavelengthA,
    warnings,
    patternPoints: points.q.length,
    fitPoints: q.length,
    decimationFactor: points.factor,
    q: points.q,
    intensity: points.y,
    analysedQ: q,
    fitQ: fq,
    fitIntensity: fitY,
    fitBackground,
    snipBackground: snip,
  });
}
