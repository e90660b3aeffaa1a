/**
 * Magnetic analyzer: ZFC (and FC) χ(T) sweeps through the superconducting transition.
 * Definitions are those of docs/analysis-definitions.md "Magnetic".
 */
import { AnalysisError, fail, ok, type Result } from '../core/errors';
import type { Curve, Curves, MagneticSweep } from '../core/types';
import type { MagneticAnalysis, MagneticMetrics, MagneticParams } from './magnetic.types';
import { decimate, differences, fitLine, localLineAt, lowerBound, median, mergeDuplicateX } from '../core/numeric';
import { tcDistribution, type TcDistribution } from './tc-distribution';
import { derivativePeakWidth, DERIVATIVE_WINDOW_FACTOR, locateTransition, type PeakWidth, type TransitionShape } from './transition';

// Bound once: under Jest 30 every global property read (Math.abs, Number.isFinite) goes through a
// wrapper that makes per-point calls ~50× slower; plain bindings cost nothing in production either.
const { abs, max } = Math;
const isFiniteNumber = Number.isFinite;

const MIN_POINTS = 20;
const MIN_BASELINE_POINTS = 8;
const MAX_GRID_POINTS = 20000;
const CURVE_POINTS = 500;
/** Longest Savitzky–Golay derivative window, points. */
const MAX_DERIVATIVE_WINDOW = 25;
/** Below this many grid points across the FWHM the width is flagged as poorly resolved. */
const MIN_POINTS_IN_FWHM = 12;
/** Points averaged (straight-line fit) to read χ at 1.8 K and the signal at the lowest temperature. */
const LOCAL_FIT_POINTS = 21;
/** Beyond this the 1.8 K value would be a long extrapolation, so it is not reported. */
const MAX_EXTRAPOLATION_START_K = 2.5;

interface ChiSweep {
  temperatureK: number[];
  chi: number[];
  fieldOe: number;
  dropped: number;
  fieldSpread: number;
}

/** χ_mass = m / (H · mass) per point, sorted by temperature; points without finite T, m or H are dropped. */
function toChiSweep(sweep: MagneticSweep, massG: number, fieldOverride: number | undefined, label: string): Result<ChiSweep, AnalysisError> {
  const n = Math.min(sweep.temperatureK.length, sweep.momentEmu.length);
  const idx: number[] = [];
  const fields: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = fieldOverride ?? sweep.fieldOe[i];
    if (isFiniteNumber(sweep.temperatureK[i]) && isFiniteNumber(sweep.momentEmu[i]) && isFiniteNumber(h) && abs(h) > 1e-6) {
      idx.push(i);
      fields.push(h);
    }
  }
  if (idx.length === 0 && fieldOverride === undefined && n > 0 && !sweep.fieldOe.some((h) => isFiniteNumber(h) && abs(h) > 1e-6)) {
    return fail(new AnalysisError('MISSING_PARAMETER', `${label}: no usable field in the file; pass fieldOe`));
  }
  if (idx.length < MIN_POINTS) return fail(new AnalysisError('NOT_ENOUGH_DATA', `${label}: ${idx.length} usable points, need at least ${MIN_POINTS}`));
  const keys = Float64Array.from(idx, (i) => sweep.temperatureK[i]);
  const order = Uint32Array.from(idx, (_, k) => k).sort((a, b) => keys[a] - keys[b]);
  const temperatureK = Array.from(order, (k) => keys[k]);
  const chi = Array.from(order, (k) => sweep.momentEmu[idx[k]] / (fields[k] * massG));
  const fieldOe = fieldOverride ?? median(fields);
  const spread = fields.reduce((m, h) => max(m, abs(h - fieldOe)), 0) / abs(fieldOe);
  if (temperatureK[temperatureK.length - 1] - temperatureK[0] <= 0)
    return fail(new AnalysisError('NOT_ENOUGH_DATA', `${label}: all points at one temperature`));
  return ok({ temperatureK, chi, fieldOe, dropped: n - idx.length, fieldSpread: spread });
}

/** Grid step for resampling: the median spacing of distinct temperatures, capped so the grid stays small. */
function gridStep(temperatureK: number[]): number {
  const gaps = differences(temperatureK);
  const range = temperatureK[temperatureK.length - 1] - temperatureK[0];
  return Math.max(median(gaps), range / (MAX_GRID_POINTS - 1));
}

/** The measured points for plots: decimated, never averaged across the transition. */
const plotPoints = (x: ArrayLike<number>, y: ArrayLike<number>): { x: number[]; y: number[] } => decimate(x, y, CURVE_POINTS);

/** χ_mass at 1.8 K by a local straight-line fit; null (with a warning) when the sweep starts far above. */
function chiAt1p8K(s: ChiSweep, label: string, warnings: string[]): number | null {
  const minK = s.temperatureK[0];
  if (minK > MAX_EXTRAPOLATION_START_K) {
    warnings.push(`${label} sweep starts at ${minK.toFixed(3)} K: χ(1.8 K) not reported`);
    return null;
  }
  if (minK > 1.85) warnings.push(`${label} sweep stops at ${minK.toFixed(3)} K, above 1.85 K: χ(1.8 K) is extrapolated`);
  return localLineAt(s.temperatureK, s.chi, 1.8, LOCAL_FIT_POINTS);
}

interface BaselinePass {
  noise: number;
  shape: TransitionShape;
  windowStartK: number;
  baselinePoints: number;
  /** Distinct temperatures and the baseline-subtracted χ there. */
  distinctK: number[];
  signal: number[];
  /** The signal at the lowest temperature (local line fit). */
  lowValue: number;
}

/**
 * Where the first normal-state window may start, K: the top 30 % of the range, unless the raw data
 * already show the drop there. The drop is read from the raw points (χ at the lowest temperature
 * against the median of the top tenth): the window then starts above the highest point that has
 * fallen by 10 % of it, by as much again as that point lies above the half-drop point (at least
 * 0.05 K). So a sharp transition near the top of the sweep (Tc ≈ 4.3 K swept to 5 K) is not taken
 * into its own baseline. Paramagnetic upturns (χ rising on cooling) leave the default.
 */
function firstWindowStartK(t: number[], chi: number[]): number {
  const n = t.length;
  const tMin = t[0];
  const tMax = t[n - 1];
  const byDefault = tMax - 0.3 * (tMax - tMin);
  const topFrom = lowerBound(t, tMax - 0.1 * (tMax - tMin));
  const top = chi.slice(Math.min(topFrom, n - MIN_BASELINE_POINTS));
  const high = median(top);
  const scatter = median(top.map((v) => abs(v - high))) * 1.4826;
  const low = localLineAt(t, chi, tMin, LOCAL_FIT_POINTS);
  const drop = high - low;
  if (!(drop > 10 * scatter) || !(drop > 0)) return byDefault;
  let t10 = -Infinity;
  let t50 = -Infinity;
  for (let i = 0; i < n; i++) {
    if (chi[i] < high - 0.1 * drop) t10 = t[i];
    if (chi[i] < high - 0.5 * drop) t50 = t[i];
  }
  if (!(t10 > t50) || !Number.isFinite(t50)) return byDefault;
  const start = t10 + Math.max(0.05, t10 - t50);
  // Never so high that fewer than the minimum of points remain for the baseline.
  return Math.max(byDefault, Math.min(start, t[Math.max(0, n - 2 * MIN_BASELINE_POINTS)]));
}

/**
 * Normal-state baseline and transition, refined together: the baseline is first fitted over the top
 * 30 % of the range, then over everything above onset + max(0.1 K, (onset − Tc,mid)/2); the
 * smoothing span follows the 10–90 % width (a quarter of it) so narrow transitions are not blurred
 * and broad ones are not left noisy.
 */
function fitTransition(s: ChiSweep, warnings: string[]): Result<BaselinePass, AnalysisError> {
  const t = s.temperatureK;
  const n = t.length;
  const distinct = mergeDuplicateX(t, s.chi);
  const dataStepK = gridStep(distinct.x);
  const tMax = t[n - 1];
  let windowStartK = firstWindowStartK(t, s.chi);
  let smoothingSpanK = 4 * dataStepK;
  let pass: BaselinePass | undefined;
  for (let iteration = 0; iteration < 4; iteration++) {
    const from = lowerBound(t, windowStartK);
    if (n - from < MIN_BASELINE_POINTS) {
      if (!pass) return fail(new AnalysisError('NOT_ENOUGH_DATA', `only ${n - from} points in the normal-state baseline window`));
      warnings.push(`baseline window above ${windowStartK.toFixed(3)} K would hold fewer than ${MIN_BASELINE_POINTS} points; kept the previous one`);
      break;
    }
    const line = fitLine(t, s.chi, { from, to: n });
    if (!Number.isFinite(line.slope)) {
      // Every point of the window at one temperature: no line to fit there.
      if (!pass) return fail(new AnalysisError('NOT_ENOUGH_DATA', `the normal-state baseline window above ${windowStartK.toFixed(3)} K holds one temperature`));
      warnings.push(`baseline window above ${windowStartK.toFixed(3)} K holds one temperature; kept the previous one`);
      break;
    }
    // A noise-free curve would give σ = 0 and a threshold of 0; keep it at rounding level instead.
    const scale = Math.abs(line.intercept) + Math.abs(line.slope * tMax) + Number.MIN_VALUE;
    const noise = Math.max(line.residualStd, 1e-12 * scale);
    const signal = distinct.y.map((y, i) => y - line.intercept - line.slope * distinct.x[i]);
    const lowValue = localLineAt(distinct.x, signal, distinct.x[0], LOCAL_FIT_POINTS);
    // Dense data go on a coarser, cell-averaged grid so the Savitzky–Golay windows stay short (their weights cost O(w²)).
    const stepK = Math.max(dataStepK, (smoothingSpanK * DERIVATIVE_WINDOW_FACTOR) / (MAX_DERIVATIVE_WINDOW - 1));
    const shape = locateTransition(distinct.x, signal, noise, lowValue, stepK, smoothingSpanK / stepK + 1);
    pass = { noise, shape, windowStartK, baselinePoints: n - from, distinctK: distinct.x, signal, lowValue };
    if (shape.onsetK === null || shape.onsetAtTop) break;
    const drop = shape.midK !== null ? shape.onsetK - shape.midK : 0;
    const nextStartK = shape.onsetK + Math.max(0.1, 0.5 * drop);
    const width = shape.t10K !== null && shape.t90K !== null ? shape.t10K - shape.t90K : 0;
    const nextSpanK = width > 0 ? Math.max(4 * dataStepK, width / 4) : smoothingSpanK;
    if (Math.abs(nextStartK - windowStartK) < 0.02 && Math.abs(nextSpanK / smoothingSpanK - 1) < 0.1) break;
    windowStartK = nextStartK;
    smoothingSpanK = nextSpanK;
  }
  return ok(pass as BaselinePass);
}

/**
 * Analyse a ZFC χ(T) sweep (and optionally its FC partner).
 *
 * χ_mass = m/(H·mass) (emu g⁻¹ Oe⁻¹, signed); χ_SI = 4π ρ χ_mass; shielding f = −χ_SI (1 − N).
 * Normal-state baseline: straight line over the points above the transition, noise = residual std.
 * Onset: coming down in T, where the baseline-subtracted signal (Savitzky–Golay smoothed on a
 * uniform grid) first falls below −5 × noise and stays below, interpolated between grid points.
 * Tc,mid: half of the signal at the lowest temperature. Widths: FWHM of the dχ/dT peak and
 * T(10 %) − T(90 %). χ(1.8 K): local straight-line fit (warning when the sweep stops above 1.85 K).
 * FC/ZFC = χ_FC(1.8 K)/χ_ZFC(1.8 K).
 *
 * Errors: MISSING_PARAMETER (mass ≤ 0, bad density/N, no field), NOT_ENOUGH_DATA, NO_TRANSITION.
 */
export function analyzeMagnetic(zfc: MagneticSweep, params: MagneticParams): Result<MagneticAnalysis, AnalysisError> {
  const { massG, densityGCm3, fieldOe } = params;
  const demagN = params.demagN ?? 0;
  if (!(Number.isFinite(massG) && massG > 0)) return fail(new AnalysisError('MISSING_PARAMETER', `sample mass must be > 0 g (got ${massG})`));
  if (densityGCm3 !== undefined && !(Number.isFinite(densityGCm3) && densityGCm3 > 0)) {
    return fail(new AnalysisError('MISSING_PARAMETER', `density must be > 0 g/cm³ (got ${densityGCm3})`));
  }
  if (!(Number.isFinite(demagN) && demagN >= 0 && demagN < 1))
    return fail(new AnalysisError('MISSING_PARAMETER', `demagnetising factor must be in [0, 1) (got ${demagN})`));
  if (fieldOe !== undefined && !(Number.isFinite(fieldOe) && fieldOe !== 0))
    return fail(new AnalysisError('MISSING_PARAMETER', `field must be non-zero (got ${fieldOe})`));

  const prepared = toChiSweep(zfc, massG, fieldOe, 'ZFC');
  if (!prepared.ok) return prepared;
  const sweep = prepared.value;
  const warnings: string[] = [];
  if (sweep.dropped > 0) warnings.push(`ZFC: ${sweep.dropped} points without finite temperature, moment or field were skipped`);
  if (sweep.fieldSpread > 0.01) warnings.push(`ZFC field varies by up to ${(sweep.fieldSpread * 100).toFixed(1)} % from ${sweep.fieldOe} Oe`);
  if (zfc.massMg !== undefined && Math.abs(zfc.massMg * 1e-3 - massG) > 0.01 * massG) {
    warnings.push(`file header mass ${zfc.massMg} mg differs from the ${massG * 1e3} mg used`);
  }

  const zfcTransition = locate(sweep, warnings);
  if (!zfcTransition.ok) return zfcTransition;
  const { fitted, peak } = zfcTransition.value;
  const { noise, shape } = fitted;
  if (shape.onsetAtTop) warnings.push('signal is already below −5 × noise at the top of the sweep: no clean normal state, onset not reported');
  if (peak.fwhmK === null) warnings.push('dχ/dT peak is not resolved inside the sweep: FWHM not reported');
  else if (peak.pointsInFwhm < MIN_POINTS_IN_FWHM) {
    warnings.push(`only ${peak.pointsInFwhm} grid points inside the dχ/dT FWHM: measure the transition more densely for a reliable width`);
  }
  const distribution = tcDistribution(fitted.distinctK, fitted.signal, noise, shape, fitted.lowValue);
  if (distribution.muK === null) warnings.push('the Gaussian local-Tc fit to χ(T) did not converge: tcDistribution has the observed moments only');
  else if (distribution.truncated) {
    warnings.push(
      `the sweep stops before the transition is complete: only ${(100 * (distribution.observedFraction as number)).toFixed(0)} % of the fitted local-Tc distribution lies above ${sweep.temperatureK[0].toFixed(2)} K (truncated; μ and σ extrapolated by the fit)`,
    );
  }

  const chi18 = chiAt1p8K(sweep, 'ZFC', warnings);
  let fcZfcRatio: number | null = null;
  let fcDistribution: TcDistribution | null = null;
  const curves: Curves = {
    chiZfc: { ...plotPoints(sweep.temperatureK, sweep.chi), xLabel: 'Temperature (K)', yLabel: 'χ_mass ZFC (emu/g/Oe)' },
  };
  if (params.fc) {
    const fc = toChiSweep(params.fc, massG, fieldOe, 'FC');
    if (!fc.ok) warnings.push(`FC sweep not used: ${fc.error.message}`);
    else {
      const chiFc18 = chiAt1p8K(fc.value, 'FC', warnings);
      fcZfcRatio = chiFc18 !== null && chi18 !== null && chi18 !== 0 ? chiFc18 / chi18 : null;
      curves.chiFc = { ...plotPoints(fc.value.temperatureK, fc.value.chi), xLabel: 'Temperature (K)', yLabel: 'χ_mass FC (emu/g/Oe)' };
      const fcWarnings: string[] = [];
      const fcTransition = locate(fc.value, fcWarnings);
      if (!fcTransition.ok) warnings.push(`FC local-Tc distribution not determined: ${fcTransition.error.message}`);
      else {
        const f = fcTransition.value.fitted;
        fcDistribution = tcDistribution(f.distinctK, f.signal, f.noise, f.shape, f.lowValue);
        // The FC sweep's own −dχ/dT, so its local-Tc density can be drawn beside the ZFC one.
        curves.dChiDtFc = derivativeCurve(f.shape, fcTransition.value.peak, 'dχ/dT FC (emu/g/Oe/K)');
      }
    }
  }
  curves.dChiDt = derivativeCurve(shape, peak, 'dχ/dT (emu/g/Oe/K)');
  const widthRatio = widthRatioOf(fcDistribution, distribution);

  const metrics: MagneticMetrics = {
    tcOnsetK: shape.onsetAtTop ? null : shape.onsetK,
    tcMidK: shape.midK,
    widthFwhmK: peak.fwhmK,
    width1090K: shape.t10K !== null && shape.t90K !== null ? shape.t10K - shape.t90K : null,
    chiMass1p8K: chi18,
    shieldingFraction1p8K: densityGCm3 !== undefined && chi18 !== null ? -4 * Math.PI * densityGCm3 * chi18 * (1 - demagN) : null,
    fcZfcRatio,
    noiseEmuPerGOe: noise,
    fieldOe: sweep.fieldOe,
    tcDistribution: distribution,
    fcTcDistribution: fcDistribution,
    fcZfcWidthRatio: widthRatio.value,
    fcZfcWidthRatioErr: widthRatio.err,
  };
  return ok({ metrics, warnings, curves });
}

/** A sweep's smoothed dχ/dT on its uniform grid, as a plot curve. */
function derivativeCurve(shape: TransitionShape, peak: PeakWidth, yLabel: string): Curve {
  const g = shape.grid;
  const gridK = Array.from(peak.derivative, (_, i) => g.startK + i * g.stepK);
  return { ...plotPoints(gridK, peak.derivative), xLabel: 'Temperature (K)', yLabel };
}

/** σ_FC/σ_ZFC of the fitted distributions, its error from both σ errors in quadrature (relative). */
function widthRatioOf(fc: TcDistribution | null, zfc: TcDistribution): { value: number | null; err: number | null } {
  if (!fc || fc.sigmaK === null || zfc.sigmaK === null || fc.sigmaErrK === null || zfc.sigmaErrK === null) return { value: null, err: null };
  const value = fc.sigmaK / zfc.sigmaK;
  return { value, err: value * Math.hypot(fc.sigmaErrK / fc.sigmaK, zfc.sigmaErrK / zfc.sigmaK) };
}

/**
 * Baseline, transition and dχ/dT peak of one sweep; NO_TRANSITION when nothing falls below the
 * threshold, or when the coldest χ is not negative (a paramagnet's or molecular magnet's upturn also
 * bends below a straight baseline, but stays positive: that is no Meissner signal).
 */
function locate(sweep: ChiSweep, warnings: string[]): Result<{ fitted: BaselinePass; peak: PeakWidth }, AnalysisError> {
  const fitted = fitTransition(sweep, warnings);
  if (!fitted.ok) return fitted;
  const { noise, shape } = fitted.value;
  if (shape.onsetK === null) {
    return fail(
      new AnalysisError('NO_TRANSITION', `no point falls below −5 × noise (${(5 * noise).toExponential(3)} emu/g/Oe) under the normal-state baseline`),
    );
  }
  let coldest = 0;
  for (let i = 1; i < sweep.temperatureK.length; i++) if (sweep.temperatureK[i] < sweep.temperatureK[coldest]) coldest = i;
  if (!(sweep.chi[coldest] < 0)) {
    return fail(
      new AnalysisError(
        'NO_TRANSITION',
        `no diamagnetic (Meissner) signal: χ at ${sweep.temperatureK[coldest].toFixed(3)} K is ${sweep.chi[coldest].toExponential(3)} emu/g/Oe, not negative; this sweep shows no superconducting transition`,
      ),
    );
  }
  return ok({ fitted: fitted.value, peak: derivativePeakWidth(shape) });
}

/**
 * The located transition of one sweep, as analyzeMagnetic finds it: the distinct temperatures, the
 * baseline-subtracted χ there, the normal-state noise, the smoothed grid and the signal at the
 * lowest temperature, i.e. what tcDistribution reads (the analysis benchmark times that step alone).
 */
export function locatedTransition(
  sweep: MagneticSweep,
  massG: number,
): Result<Pick<BaselinePass, 'distinctK' | 'signal' | 'noise' | 'shape' | 'lowValue'>, AnalysisError> {
  const prepared = toChiSweep(sweep, massG, undefined, 'sweep');
  if (!prepared.ok) return prepared;
  const found = locate(prepared.value, []);
  return found.ok ? ok(found.value.fitted) : found;
}
