/**
 * One piece seen by two techniques (docs/analysis-definitions.md "Magnetic", last item): where the
 * resistive Tc sits in the local-Tc distribution the ZFC χ(T) maps. R(T) drops to zero as soon as
 * one superconducting path spans the sample, so it reads the top of the distribution; χ(T) weighs
 * the whole volume. The numbers say how far apart the two views are for this piece:
 *
 * - z = (Tc_R − μ)/σ, μ and σ the Gaussian fit to χ(T) (tcDistribution), with its error from σ_μ,
 *   σ_σ and a resistive Tc taken as exact (its error is mK, far below σ_μ);
 * - the fraction of the 1.8 K shielding already present at Tc_R, from the same fitted distribution:
 *   ½erfc(z/√2) / ½erfc(z₁.₈/√2), z₁.₈ = (1.8 K − μ)/σ (the sweep's χ(1.8 K) is that distribution's
 *   share above 1.8 K, truncated sweeps included);
 * - the width ratio χ(10–90 %) / R(10–90 %) of the two transitions.
 *
 * Pure: stored metrics in, numbers out; what was combined (run ids and analyzer versions) and what
 * is missing travel with the result, so a reader can tell a null from "not measured".
 */
import { erfc } from '../core/numeric';

/** The stored metrics this reads of a ZFC magnetic run (MagneticFileMetrics satisfies it). */
export interface ZfcInput {
  width1090K: number | null;
  tcDistribution: { muK: number | null; muErrK: number | null; sigmaK: number | null; sigmaErrK: number | null; truncated: boolean } | null;
}

/** The stored metrics this reads of a resistance run (ResistanceMetrics satisfies it). */
export interface ResistiveInput {
  tcK: number | null;
  width1090K: number | null;
}

/** An analysis run that went into the comparison. */
export interface CombinedRun {
  runId: string;
  analyzer: string;
  analyzerVersion: string;
}

export interface CrossTechniqueInput {
  zfc?: CombinedRun & { metrics: ZfcInput };
  resistance?: CombinedRun & { metrics: ResistiveInput };
}

export interface CrossTechnique {
  /** The runs combined: the piece's newest successful ZFC magnetic and resistance analyses (null when absent). */
  combined: { zfc: CombinedRun | null; resistance: CombinedRun | null };
  /** What stopped a number from being computed, in plain words (empty when every number is there). */
  missing: string[];
  /** Resistive Tc (50 % of R_n), K. */
  tcResistiveK: number | null;
  /** Gaussian local-Tc fit to the ZFC χ(T): μ and σ, K. */
  muK: number | null;
  sigmaK: number | null;
  /** (Tc_R − μ)/σ and its standard error. */
  tcResistiveZ: number | null;
  tcResistiveZErr: number | null;
  /** Share of the 1.8 K ZFC shielding already present at Tc_R (from the fitted distribution). */
  shieldingAtTcResistiveFraction: number | null;
  /** χ 10–90 % width / R 10–90 % width, and the two widths, K. */
  widthRatio: number | null;
  chiWidth1090K: number | null;
  resistiveWidth1090K: number | null;
  /** The χ sweep stopped before its transition was complete: μ, σ and the fraction rest on the fit's extrapolation. */
  zfcTruncated: boolean;
}

/** The temperature at which the nominal shielding is read, K (docs "Magnetic": |χ| at 1.8 K). */
const NOMINAL_K = 1.8;

const upperTail = (z: number): number => 0.5 * erfc(z / Math.SQRT2);
const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const strip = (r: CombinedRun): CombinedRun => ({ runId: r.runId, analyzer: r.analyzer, analyzerVersion: r.analyzerVersion });

/**
 * Where the resistive Tc sits in the χ distribution of the same piece (see the file comment).
 * Every number is null when a side is absent or lacks what it needs, and `missing` says which.
 */
export function crossTechnique(input: CrossTechniqueInput): CrossTechnique {
  const missing: string[] = [];
  const zfc = input.zfc?.metrics;
  const res = input.resistance?.metrics;
  if (!input.zfc) missing.push('no successful ZFC magnetic analysis of this piece');
  if (!input.resistance) missing.push('no successful resistance analysis of this piece');
  const dist = zfc?.tcDistribution ?? null;
  const muK = finite(dist?.muK) ? dist.muK : null;
  const sigmaK = finite(dist?.sigmaK) && dist.sigmaK > 0 ? dist.sigmaK : null;
  const tcR = finite(res?.tcK) ? res.tcK : null;
  if (zfc && (muK === null || sigmaK === null)) missing.push('the ZFC analysis has no Gaussian local-Tc fit (tcDistribution.muK/sigmaK)');
  if (res && tcR === null) missing.push('the resistance analysis has no Tc');

  let z: number | null = null;
  let zErr: number | null = null;
  let fraction: number | null = null;
  if (tcR !== null && muK !== null && sigmaK !== null) {
    z = (tcR - muK) / sigmaK;
    // ∂z/∂μ = −1/σ, ∂z/∂σ = −z/σ; μ and σ are nearly uncorrelated in this fit.
    const muErr = dist?.muErrK;
    const sigmaErr = dist?.sigmaErrK;
    zErr = finite(muErr) && finite(sigmaErr) ? Math.hypot(muErr, z * sigmaErr) / sigmaK : null;
    const atNominal = upperTail((NOMINAL_K - muK) / sigmaK);
    fraction = atNominal > 0 ? upperTail(z) / atNominal : null;
  }

  const chiWidth = finite(zfc?.width1090K) && zfc.width1090K > 0 ? zfc.width1090K : null;
  const rWidth = finite(res?.width1090K) && res.width1090K > 0 ? res.width1090K : null;
  if (zfc && chiWidth === null) missing.push('the ZFC analysis has no 10–90 % width');
  if (res && rWidth === null) missing.push('the resistance analysis has no 10–90 % width (the sweep stops inside the transition?)');

  return {
    combined: { zfc: input.zfc ? strip(input.zfc) : null, resistance: input.resistance ? strip(input.resistance) : null },
    missing,
    tcResistiveK: tcR,
    muK,
    sigmaK,
    tcResistiveZ: z,
    tcResistiveZErr: zErr,
    shieldingAtTcResistiveFraction: fraction,
    widthRatio: chiWidth !== null && rWidth !== null ? chiWidth / rWidth : null,
    chiWidth1090K: chiWidth,
    resistiveWidth1090K: rWidth,
    zfcTruncated: dist?.truncated ?? false,
  };
}
