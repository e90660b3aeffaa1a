/**
 * Physical model of a ZFC / FC magnetisation sweep through the superconducting transition of a
 * ribbon, plus its "truth" computed by the magnetic analyzer's own definitions on the noise-free
 * curve.
 *
 * Units (CGS-emu, as MultiVu writes them):
 * - a perfect diamagnet has volume susceptibility χ_v = M/H = −1/(4π) (dimensionless CGS);
 *   per gram that is χ_mass = χ_v / ρ = −1/(4π ρ) emu g⁻¹ Oe⁻¹ (ρ in g cm⁻³);
 * - with demagnetising factor N the apparent χ_v is −1/(4π (1 − N));
 * - the analyzer's χ_SI = 4π ρ χ_mass is then −1/(1 − N), and f = −χ_SI (1 − N) = 1.
 * The moment written to the file is m = χ_mass · H · mass (emu, H in Oe, mass in g).
 *
 * Heterogeneity: every small region has its own local Tc, drawn from a split (two-piece)
 * normal distribution; at temperature T the shielded volume fraction is f0 · P(Tc_local > T).
 * FC (weak pinning, Meissner expulsion) is a fixed fraction of the ZFC superconducting signal,
 * drawn from the same local-Tc distribution unless `fcLocalTc` gives the FC regions their own
 * (the study: FC much narrower than ZFC; fcLocalTcSharingOnset builds one that keeps ZFC's onset).
 * The normal-state background is a small linear χ0 + χ1 T, so the analyzer's linear baseline
 * describes it exactly.
 */
import { erfc } from '../../analysis/src/core/numeric';
import type { Rng } from './rng';

/** Split-normal distribution of local Tc: σ below and above the mode may differ (skew). */
export interface LocalTcDistribution {
  meanK: number;
  sigmaLowK: number;
  sigmaHighK: number;
}

export interface SuperconductorModel {
  localTc: LocalTcDistribution;
  /** Shielded volume fraction as T → 0 in ZFC (1 = the whole ribbon expels/screens the field). */
  shieldedFraction0: number;
  densityGCm3: number;
  /** Demagnetising factor of the ribbon in the measuring geometry (≈ 0 for H parallel to a long ribbon). */
  demagN: number;
  /** FC superconducting signal as a fraction of the ZFC one (weakly pinned, Meissner-expelling part). */
  fcFraction: number;
  /** Local-Tc distribution of the FC (Meissner-expelling) regions; absent: the same as `localTc`. */
  fcLocalTc?: LocalTcDistribution;
  /** Normal-state background χ0 + χ1·T, emu g⁻¹ Oe⁻¹ and emu g⁻¹ Oe⁻¹ K⁻¹. */
  backgroundChiEmuPerGOe: number;
  backgroundSlopeEmuPerGOeK: number;
}

/** A glass ribbon with a sharp local-Tc distribution near 3.45 K, 90 % shielded, FC/ZFC 0.25: the specs' everyday superconductor. */
export const GLASS_RIBBON_MODEL: SuperconductorModel = {
  localTc: { meanK: 3.45, sigmaLowK: 0.12, sigmaHighK: 0.06 },
  shieldedFraction0: 0.9,
  densityGCm3: 6.2,
  demagN: 0,
  fcFraction: 0.25,
  backgroundChiEmuPerGOe: 1e-6,
  backgroundSlopeEmuPerGOeK: 0,
};

export type SweepMode = 'ZFC' | 'FC';

/** The metrics the magnetic analyzer reports, as the noise-free model defines them. */
export interface MagneticTruth {
  tcOnsetK: number | null;
  tcMidK: number | null;
  widthFwhmK: number | null;
  width1090K: number | null;
  chiMass1p8K: number;
  shieldingFraction1p8K: number;
  fcZfcRatio: number;
}

const SQRT2 = Math.SQRT2;
// Bound once: under Jest 30 each global read (Math.exp) in a per-point loop is ~50× slower.
const { abs, exp, max, min, sqrt } = Math;

/** P(Tc_local > T) for the split normal; 1 well below the distribution, 0 well above. */
export function fractionAboveTc(d: LocalTcDistribution, temperatureK: number): number {
  const s = d.sigmaLowK + d.sigmaHighK;
  const x = temperatureK - d.meanK;
  // Split normal CDF: below the mode the low-side Gaussian carries weight σ_low/(σ_low+σ_high).
  if (x < 0) return 1 - (d.sigmaLowK / s) * erfc(-x / (d.sigmaLowK * SQRT2));
  return (d.sigmaHighK / s) * erfc(x / (d.sigmaHighK * SQRT2));
}

/** Probability density of local Tc, K⁻¹. */
export function localTcDensity(d: LocalTcDistribution, temperatureK: number): number {
  const x = temperatureK - d.meanK;
  const sigma = x < 0 ? d.sigmaLowK : d.sigmaHighK;
  return (sqrt(2 / Math.PI) / (d.sigmaLowK + d.sigmaHighK)) * exp((-x * x) / (2 * sigma * sigma));
}

/**
 * Mean and standard deviation of the split-normal local-Tc distribution, K: mean = mode +
 * √(2/π)(σ_high − σ_low), variance = (1 − 2/π)(σ_high − σ_low)² + σ_low σ_high (a Gaussian when equal).
 */
export function localTcMoments(d: LocalTcDistribution): { meanK: number; stdK: number } {
  const skew = d.sigmaHighK - d.sigmaLowK;
  return { meanK: d.meanK + sqrt(2 / Math.PI) * skew, stdK: sqrt((1 - 2 / Math.PI) * skew * skew + d.sigmaLowK * d.sigmaHighK) };
}

/** χ_mass of full diamagnetism for this sample: −1/(4π ρ (1 − N)), emu g⁻¹ Oe⁻¹. */
export function fullDiamagnetismEmuPerGOe(model: SuperconductorModel): number {
  return -1 / (4 * Math.PI * model.densityGCm3 * (1 - model.demagN));
}

/** The local-Tc distribution a sweep of this mode sees: FC's own when the model gives one. */
export function localTcOf(model: SuperconductorModel, mode: SweepMode): LocalTcDistribution {
  return mode === 'FC' && model.fcLocalTc ? model.fcLocalTc : model.localTc;
}

/** Superconducting part of χ_mass(T), emu g⁻¹ Oe⁻¹ (≤ 0). */
export function superconductingChi(model: SuperconductorModel, temperatureK: number, mode: SweepMode): number {
  const scale = mode === 'FC' ? model.fcFraction : 1;
  return scale * model.shieldedFraction0 * fractionAboveTc(localTcOf(model, mode), temperatureK) * fullDiamagnetismEmuPerGOe(model);
}

/** Noise-free χ_mass(T) = superconducting part + linear normal-state background, emu g⁻¹ Oe⁻¹. */
export function chiMassModel(model: SuperconductorModel, temperatureK: number, mode: SweepMode): number {
  return superconductingChi(model, temperatureK, mode) + model.backgroundChiEmuPerGOe + model.backgroundSlopeEmuPerGOeK * temperatureK;
}

/** Solve g(T) = 0 for an increasing g on [lo, hi] by bisection (g(lo) < 0 < g(hi)); null if not bracketed. */
function solveIncreasing(g: (t: number) => number, lo: number, hi: number): number | null {
  if (!(g(lo) <= 0 && g(hi) >= 0)) return null;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 80 && b - a > 1e-12; i++) {
    const m = 0.5 * (a + b);
    if (g(m) < 0) a = m;
    else b = m;
  }
  return 0.5 * (a + b);
}

/**
 * Truth for one sweep by the analyzer's definitions, on the noise-free model:
 * onset = where the superconducting signal crosses −5 σ_χ (σ_χ = noiseEmu / (H · mass));
 * Tc,mid = where it reaches half its value at the sweep's lowest temperature; 10–90 % width from
 * the 10 % and 90 % crossings; FWHM of dχ/dT (∝ the local-Tc density: √(2 ln 2)(σ_low + σ_high)
 * when both half-maximum points lie inside the sweep); χ_mass and shielding at 1.8 K include
 * the background; FC/ZFC = χ_FC(1.8 K) / χ_ZFC(1.8 K).
 */
export function modelTruth(
  model: SuperconductorModel,
  sweep: { mode: SweepMode; minK: number; maxK: number; noiseEmu: number; fieldOe: number; massMg: number },
): MagneticTruth {
  const { mode, minK, maxK } = sweep;
  const noiseChi = sweep.noiseEmu / (abs(sweep.fieldOe) * sweep.massMg * 1e-3);
  const s = (t: number): number => superconductingChi(model, t, mode);
  const sLow = s(minK);
  const crossing = (level: number): number | null => solveIncreasing((t) => s(t) - level, minK, maxK);
  const onset = crossing(-5 * noiseChi);
  const d = localTcOf(model, mode);
  const halfWidth = sqrt(2 * Math.LN2);
  const lowHalf = d.meanK - halfWidth * d.sigmaLowK;
  const highHalf = d.meanK + halfWidth * d.sigmaHighK;
  const fwhm = lowHalf >= minK && highHalf <= maxK ? highHalf - lowHalf : null;
  const t10 = crossing(0.1 * sLow);
  const t90 = crossing(0.9 * sLow);
  const chi18 = chiMassModel(model, 1.8, mode);
  return {
    tcOnsetK: onset,
    tcMidK: crossing(0.5 * sLow),
    widthFwhmK: fwhm,
    width1090K: t10 !== null && t90 !== null ? t10 - t90 : null,
    chiMass1p8K: chi18,
    shieldingFraction1p8K: -4 * Math.PI * model.densityGCm3 * chi18 * (1 - model.demagN),
    fcZfcRatio: chiMassModel(model, 1.8, 'FC') / chiMassModel(model, 1.8, 'ZFC'),
  };
}

/** What sets a sweep's onset by the analyzer's −5σ_χ criterion: its range, moment noise, field and mass. */
export interface OnsetConditions {
  minK: number;
  maxK: number;
  noiseEmu: number;
  fieldOe: number;
  massMg: number;
}

/**
 * The FC (Meissner-expelling) regions' own local-Tc distribution: the ZFC widths × `widthRatio`
 * (< 1, the study's FC distribution being much narrower), with the mean at which the FC sweep's
 * onset equals the ZFC sweep's under the same conditions (modelTruth's onset, K).
 *
 * The physics: a region's local Tc does not depend on how the field was applied, so on cooling in
 * the field the first regions to expel it are the ones that first screen it on warming after zero
 * field cooling: ZFC and FC leave the normal-state baseline together. Below the onset they part.
 * In ZFC every superconducting region screens, so the signal keeps growing as lower-Tc regions join,
 * across the whole distribution; in FC only the weakly pinned (liquid-like) part expels flux,
 * `fcFraction` of the signal, and it does so within a narrow interval below the onset, after which
 * the flux left inside is pinned. So the FC distribution is narrower and sits towards the top of the
 * ZFC one. Given ZFC's mean and narrower widths instead, its upper tail, holding too little weight
 * and carrying only `fcFraction` of the amplitude, would cross −5σ_χ well below the ZFC onset
 * (3.13 K against 3.49 K on the 1-min piece of the web journey's 453 K campaign). Here μ_FC is solved for: at the ZFC
 * onset T_on the FC signal fcFraction · f0 · P_FC(Tc > T_on) reaches the −5σ_χ that the ZFC one
 * f0 · P_ZFC(Tc > T_on) does, i.e. P_FC(Tc > T_on) = P_ZFC(Tc > T_on) / fcFraction.
 */
export function fcLocalTcSharingOnset(model: SuperconductorModel, widthRatio: number, conditions: OnsetConditions): LocalTcDistribution {
  const zfc = model.localTc;
  const onsetOf = (mode: SweepMode, m: SuperconductorModel): number | null => modelTruth(m, { mode, ...conditions }).tcOnsetK;
  const targetK = onsetOf('ZFC', model);
  if (targetK === null) throw new Error('fcLocalTcSharingOnset: the ZFC sweep has no onset under these conditions');
  const withMean = (meanK: number): LocalTcDistribution => ({ meanK, sigmaLowK: zfc.sigmaLowK * widthRatio, sigmaHighK: zfc.sigmaHighK * widthRatio });
  const fcOnset = (meanK: number): number => onsetOf('FC', { ...model, fcLocalTc: withMean(meanK) }) ?? -Infinity;
  // The FC onset rises with μ_FC: at ZFC's mean it lies below the target (narrower tail, fcFraction ≤ 1);
  // with μ_FC at the target itself, σ_high/(σ_low + σ_high) of the FC regions are superconducting there.
  let lo = zfc.meanK;
  let hi = targetK;
  if (!(fcOnset(lo) <= targetK && fcOnset(hi) >= targetK))
    throw new Error(`fcLocalTcSharingOnset: no FC mean in [${lo}, ${hi}] K gives the ZFC onset ${targetK} K`);
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (fcOnset(mid) < targetK) lo = mid;
    else hi = mid;
  }
  return withMean(0.5 * (lo + hi));
}

export interface SweepPlan {
  mode: SweepMode;
  direction: 'up' | 'down';
  startK?: number;
  endK?: number;
  /** Setpoint step, K (default 0.01); ignored when `points` is given. */
  stepK?: number;
  points?: number;
  fieldOe: number;
  massMg: number;
  /** Gaussian noise on each moment, emu. */
  noiseEmu: number;
  /** Gaussian scatter of the recorded temperature around its setpoint, K (default 0.002). */
  temperatureJitterK?: number;
  /** Every n-th point is measured twice at the same recorded temperature (default: never). */
  repeatEvery?: number;
}

export interface SimulatedSweep {
  temperatureK: number[];
  momentEmu: number[];
  fieldOe: number[];
}

/**
 * A noisy sweep in measurement order: setpoints from `startK` to `endK` (1.8 → 6 K by default,
 * reversed for 'down'), recorded temperatures scattered around them, moment m = χ·H·mass + noise.
 */
export function simulateSweep(model: SuperconductorModel, plan: SweepPlan, rng: Rng): SimulatedSweep {
  const startK = plan.startK ?? 1.8;
  const endK = plan.endK ?? 6;
  const n = plan.points ?? Math.round((endK - startK) / (plan.stepK ?? 0.01)) + 1;
  const jitter = plan.temperatureJitterK ?? 0.002;
  const massG = plan.massMg * 1e-3;
  const out: SimulatedSweep = { temperatureK: [], momentEmu: [], fieldOe: [] };
  for (let i = 0; i < n; i++) {
    const frac = n === 1 ? 0 : i / (n - 1);
    const setK = plan.direction === 'up' ? startK + frac * (endK - startK) : endK - frac * (endK - startK);
    // Keep recorded temperatures inside the nominal span so truth and data share the same range.
    const tK = min(endK, max(startK, setK + jitter * rng.gauss()));
    const repeats = plan.repeatEvery && i % plan.repeatEvery === 0 ? 2 : 1;
    for (let r = 0; r < repeats; r++) {
      out.temperatureK.push(tK);
      out.fieldOe.push(plan.fieldOe);
      out.momentEmu.push(chiMassModel(model, tK, plan.mode) * plan.fieldOe * massG + plan.noiseEmu * rng.gauss());
    }
  }
  return out;
}
