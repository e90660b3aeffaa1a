/**
 * DSC heating-scan analyzer (docs/analysis-definitions.md "DSC"):
 * - Tg onset: tangent at the inflection of the heat-capacity step intersected with the extrapolated
 *   glass baseline; Tg mid: half height between glass and liquid baselines; ΔCp from the step height.
 * - Tx onset: tangent at the steepest point of the first crystallization exotherm's leading edge
 *   intersected with the pre-peak (supercooled-liquid) baseline; Tx peak at its maximum.
 * - ΔH_cryst (J/g): peak area over a straight baseline from its start to its end, ∫ dT / β.
 * - ΔH_relax (J/g): exothermic area before Tg, against a reference scan (e.g. the rescan of the
 *   relaxed sample) matched in the low-temperature glass and supercooled-liquid windows, or else
 *   against a straight glass baseline through a low-temperature window and the window below Tg.
 * All on an exo-up signal, so positive enthalpies are exothermic. A result that is not physical
 * (dsc.checks.ts: features outside the scan, Tg ≥ Tx, ΔTx outside 0–200 K, an endothermic
 * crystallization, a non-finite number) fails as IMPLAUSIBLE with the reason.
 */
import { AnalysisError, Result, fail, ok } from '../core/errors';
import { interpolateUniform, lineAt, plotCurve, robustStd } from '../core/numeric';
import { cubicSavitzkyGolay, fitLineInWindows, gridStep, heatingRun, integrate, noiseStd, sortMerge } from './dsc.curve';
import { implausibleDsc } from './dsc.checks';
import { PeakFeature, PreparedCurve, StepFeature, findPeak, findStep } from './dsc.features';
import { DscAnalysis, DscAnalyzeParams, DscCurve, DscMetrics, DscScan } from './dsc.types';

const SMOOTH_K = 1.5;
const DERIVATIVE_K = 3;
/** The first minutes of a scan carry the start-up hook; skip max(15 K, 1.5 min × rate). */
const SKIP_MIN = 1.5;
const SKIP_MIN_K = 15;
const LOW_WINDOW_K = 15;
const MIN_POINTS = 50;
/** An endotherm starting this close after the only "exotherm" of a scan without Tg suggests a reversed sign, K. */
const REVERSED_SIGN_WITHIN_K = 50;

interface Prepared extends PreparedCurve {
  rateKPerMin: number | null;
  rateSource: 'time' | 'params' | 'header' | null;
}

function prepare(scan: DscScan, rateParam: number | undefined, warnings: string[], label: string): Result<Prepared, AnalysisError> {
  const keep = scan.temperatureK.map(
    (t, i) => Number.isFinite(t) && Number.isFinite(scan.heatFlow[i]) && (scan.timeMin === undefined || Number.isFinite(scan.timeMin[i])),
  );
  const T = scan.temperatureK.filter((_, i) => keep[i]);
  const hf = scan.heatFlow.filter((_, i) => keep[i]);
  const time = scan.timeMin?.filter((_, i) => keep[i]);
  if (T.length < MIN_POINTS) return fail(new AnalysisError('NOT_ENOUGH_DATA', `${label}: only ${T.length} finite points`));
  const run = heatingRun(T);
  if (run.end - run.start < MIN_POINTS) return fail(new AnalysisError('NOT_ENOUGH_DATA', `${label}: no heating segment (temperature never rises steadily)`));
  const ignored = T.length - (run.end - run.start);
  if (ignored > 0.02 * T.length)
    warnings.push(`${label}: ${ignored} of ${T.length} points outside the main heating segment (isotherms or cooling) were ignored`);

  let rateKPerMin: number | null = null;
  let rateSource: Prepared['rateSource'] = null;
  if (time) {
    const fit = fitLineInWindows(time.slice(run.start, run.end), T.slice(run.start, run.end), [[-Infinity, Infinity]]);
    if (fit && fit.slope > 0) {
      rateKPerMin = fit.slope;
      rateSource = 'time';
    }
  }
  if (rateKPerMin === null && rateParam !== undefined && rateParam > 0) [rateKPerMin, rateSource] = [rateParam, 'params'];
  if (rateKPerMin === null && scan.programRateKPerMin !== undefined) [rateKPerMin, rateSource] = [scan.programRateKPerMin, 'header'];
  if (rateSource === 'time' && rateParam !== undefined && Math.abs(rateParam - (rateKPerMin ?? 0)) > 0.05 * rateParam) {
    warnings.push(`${label}: measured heating rate ${rateKPerMin?.toFixed(2)} K/min differs from the stated ${rateParam} K/min; the measured one is used`);
  }

  const y = hf.slice(run.start, run.end).map((v) => (scan.exo === 'up' ? v : -v));
  const sorted = sortMerge(T.slice(run.start, run.end), y);
  if (sorted.x.length < MIN_POINTS) return fail(new AnalysisError('NOT_ENOUGH_DATA', `${label}: too few distinct temperatures`));
  const stepK = gridStep(sorted.x);
  const count = Math.floor((sorted.x[sorted.x.length - 1] - sorted.x[0]) / stepK) + 1;
  if (!Number.isFinite(stepK) || !(count >= MIN_POINTS)) return fail(new AnalysisError('NOT_ENOUGH_DATA', `${label}: the temperature range is degenerate`));
  const tK = Array.from({ length: count }, (_, i) => sorted.x[0] + i * stepK);
  const yr = interpolateUniform(sorted.x, sorted.y, sorted.x[0], stepK, count);
  const ys = cubicSavitzkyGolay(yr, stepK, SMOOTH_K, 0);
  const d = cubicSavitzkyGolay(yr, stepK, DERIVATIVE_K, 1);
  const noiseD = robustStd(d);
  return ok({ tK, stepK, y: yr, ys, d, noise: noiseStd(yr), noiseD, rateKPerMin, rateSource });
}

/** Relaxation enthalpy against a reference scan: ∫ (y − y_ref − linear match) dT / β, J/g or mJ. */
function relaxAgainstReference(
  c: Prepared,
  r: Prepared,
  lowWindow: [number, number],
  liquidWindow: [number, number],
  rateKPerS: number,
): { value: number; curve: DscCurve } | string {
  const lo = Math.max(c.tK[0], r.tK[0]);
  const hi = Math.min(c.tK[c.tK.length - 1], r.tK[r.tK.length - 1]);
  if (lowWindow[0] < lo || liquidWindow[1] > hi) return 'the reference scan does not cover the glass and supercooled-liquid windows';
  const x = c.tK.filter((t) => t >= lo && t <= hi);
  const ySample = x.map((t) => c.y[Math.round((t - c.tK[0]) / c.stepK)]);
  const yRef = interpolateUniform(r.tK, r.y, x[0], c.stepK, x.length);
  const diff = ySample.map((v, i) => v - yRef[i]);
  const match = fitLineInWindows(x, diff, [lowWindow, liquidWindow]);
  if (!match) return 'too few points in the matching windows';
  const corrected = diff.map((v, i) => v - lineAt(match, x[i]));
  const area = integrate(x, corrected, lowWindow[1], liquidWindow[0]);
  return { value: area / rateKPerS, curve: plotCurve(x, corrected, 'T (K)', 'sample − reference, exo up') };
}

/** Analyze a DSC heating scan of a metallic glass; see the module comment for the definitions. */
export function analyzeDsc(scan: DscScan, params: DscAnalyzeParams = {}): Result<DscAnalysis, AnalysisError> {
  try {
    return analyze(scan, params);
  } catch (e) {
    // Defensive: a numerical corner case must become a readable failure, not a crashed job.
    return fail(new AnalysisError('FIT_FAILED', `unexpected analyzer failure: ${e instanceof Error ? e.message : String(e)}`));
  }
}

function analyze(scan: DscScan, params: DscAnalyzeParams): Result<DscAnalysis, AnalysisError> {
  const warnings: string[] = [];
  const prep = prepare(scan, params.heatingRateKPerMin, warnings, 'scan');
  if (!prep.ok) return prep;
  const c = prep.value;
  const rateKPerS = c.rateKPerMin !== null ? c.rateKPerMin / 60 : null;
  if (rateKPerS === null) warnings.push('heating rate unknown (no time column, parameter or method text): enthalpies and ΔCp are not reported');
  const perGram = scan.heatFlowUnit === 'W/g';
  const toJPerG = (areaYK: number): number | null => (perGram && rateKPerS !== null ? areaYK / rateKPerS : null);

  const t0 = c.tK[0];
  const tEnd = c.tK[c.tK.length - 1];
  const skipK = Math.min(Math.max(SKIP_MIN_K, SKIP_MIN * (c.rateKPerMin ?? 0)), 0.25 * (tEnd - t0));
  const lo = t0 + skipK;
  const hi = tEnd - 3;

  let cryst: PeakFeature | string = findPeak(c, 1, lo, hi);
  const step: StepFeature | string = typeof cryst === 'string' ? findStep(c, lo, hi) : findStep(c, lo, cryst.startK - 2, cryst.startK);
  if (typeof cryst !== 'string' && typeof step !== 'string') {
    // Keep the crystallization's pre-peak baseline off the tail of the Tg step.
    const refined = findPeak(c, 1, lo, hi, step.liquidStartK);
    if (typeof refined !== 'string') cryst = refined;
  }
  if (typeof cryst === 'string') warnings.push(`no crystallization exotherm found: ${cryst}`);
  if (typeof step === 'string') warnings.push(`no glass transition found: ${step}`);

  const metrics: DscMetrics = {
    tgOnsetK: null,
    tgMidK: null,
    dCpJPerGK: null,
    txOnsetK: null,
    txPeakK: null,
    dhCrystJPerG: null,
    dhRelaxJPerG: null,
    relaxBaseline: null,
    dTxK: null,
    heatingRateKPerMin: c.rateKPerMin,
  };
  const curves: Record<string, DscCurve> = {};
  curves.heatFlow = plotCurve(c.tK, c.y, 'T (K)', `heat flow (${scan.heatFlowUnit}), exo up`);

  if (typeof cryst !== 'string') {
    metrics.txOnsetK = cryst.onsetK;
    metrics.txPeakK = cryst.peakK;
    metrics.dhCrystJPerG = toJPerG(cryst.areaYK);
  }
  if (typeof step !== 'string') {
    metrics.tgOnsetK = step.onsetK;
    metrics.tgMidK = step.midK;
    metrics.dCpJPerGK = step.height !== null && perGram && rateKPerS !== null ? step.height / rateKPerS : null;
    if (metrics.txOnsetK !== null) metrics.dTxK = metrics.txOnsetK - step.onsetK;

    const lowWindow: [number, number] = [lo, lo + LOW_WINDOW_K];
    if (lowWindow[1] >= step.glassWindow[0]) {
      warnings.push('the scan starts too close to Tg for a relaxation baseline');
    } else if (params.reference) {
      const refPrep = prepare(params.reference, params.heatingRateKPerMin, warnings, 'reference');
      if (!refPrep.ok) warnings.push(`reference scan unusable: ${refPrep.error.message}`);
      else if (!step.liquidWindow) warnings.push('no supercooled-liquid window to match the reference scan in');
      else if (params.reference.heatFlowUnit !== scan.heatFlowUnit) warnings.push('reference and sample heat flows have different units');
      else {
        const r = refPrep.value;
        if (r.rateKPerMin !== null && c.rateKPerMin !== null && Math.abs(r.rateKPerMin - c.rateKPerMin) > 0.05 * c.rateKPerMin) {
          warnings.push(`reference heating rate ${r.rateKPerMin.toFixed(2)} K/min differs from the sample's ${c.rateKPerMin.toFixed(2)} K/min`);
        }
        const rel = relaxAgainstReference(c, r, lowWindow, step.liquidWindow, rateKPerS ?? NaN);
        if (typeof rel === 'string') warnings.push(`relaxation enthalpy not computed: ${rel}`);
        else {
          metrics.dhRelaxJPerG = perGram && rateKPerS !== null ? rel.value : null;
          metrics.relaxBaseline = 'reference';
          curves.relaxDifference = rel.curve;
        }
      }
    } else {
      const base = fitLineInWindows(c.tK, c.y, [lowWindow, step.glassWindow]);
      if (base) {
        const excess = c.y.map((v, i) => v - lineAt(base, c.tK[i]));
        metrics.dhRelaxJPerG = toJPerG(integrate(c.tK, excess, lowWindow[1], step.glassWindow[0]));
        metrics.relaxBaseline = 'linear';
      }
    }
  }

  if (typeof cryst === 'string' && typeof step === 'string') {
    const melt = findPeak(c, -1, lo, hi);
    if (typeof melt !== 'string') {
      metrics.meltOnsetK = melt.onsetK;
      metrics.meltPeakK = melt.peakK;
      metrics.dhMeltJPerG = toJPerG(melt.areaYK);
      warnings.push(
        `this does not look like a metallic-glass heating scan: the main feature is an endothermic peak (onset ${melt.onsetK.toFixed(1)} K, peak ${melt.peakK.toFixed(1)} K), as in melting`,
      );
    }
  }
  if (!perGram) warnings.push('heat flow is not per gram (no sample mass): enthalpies are not reported');
  if (typeof cryst !== 'string' && typeof step === 'string') {
    // A scan read with the wrong exo direction shows the Tg step as a rise ("an exotherm") and the
    // real crystallization as a taller endotherm just after it, and no Tg: say so rather than report it.
    const after = findPeak(c, -1, cryst.peakK, hi);
    if (typeof after !== 'string' && after.startK - cryst.peakK < REVERSED_SIGN_WITHIN_K && after.height > cryst.height) {
      return fail(
        new AnalysisError(
          'IMPLAUSIBLE',
          `no glass transition, and an endothermic peak (${after.peakK.toFixed(1)} K) taller than the "crystallization exotherm" (${cryst.peakK.toFixed(1)} K) follows it: the heat-flow sign is probably reversed (the file says exo ${scan.exo}, from ${scan.exoSource}; set exo)`,
        ),
      );
    }
  }
  const implausible = implausibleDsc(metrics, t0, tEnd);
  if (implausible) return fail(new AnalysisError('IMPLAUSIBLE', implausible));
  return ok({ metrics, warnings: [...scan.warnings, ...warnings], curves });
}
