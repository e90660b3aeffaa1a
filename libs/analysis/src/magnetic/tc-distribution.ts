/**
 * The local-Tc distribution a χ(T) sweep maps. Each small region of the sample shields once T is
 * below its own Tc, so the baseline-subtracted χ(T) is proportional to the fraction of regions
 * with local Tc above T, and P(T) = −d f/dT (f = χ_signal(T)/χ_signal(T_min)) is that distribution.
 *
 * Two readings are reported: the moments and quantiles of P(T) over the observed range (no model,
 * but biased when the sweep stops before the transition is complete), and a fit of a Gaussian
 * distribution to χ(T) itself, χ_signal(T) = A · ½ erfc((T − μ)/(σ√2)), which extrapolates
 * through a truncated sweep.
 */
import { erfc } from '../core/numeric';
import { binPoints, gaussNewtonPolish, levenbergMarquardt, type Bins } from './fit-support';
import { fitSplitNormal, type SplitNormalFit } from './split-normal-fit';
import { fractionCrossingK, type TransitionShape } from './transition';

const { abs, exp, max, min, sqrt } = Math;
const SQRT2 = Math.SQRT2;
const INV_SQRT_2PI = 1 / sqrt(2 * Math.PI);

export interface TcDistribution {
  /** Mean of P(T) over the observed range, K. */
  meanK: number;
  /** Standard deviation of P(T) over the observed range, K. */
  stdK: number;
  /** Quantiles of P(T) over the observed range (q10 = where 10 % of the observed drop lies below), K. */
  q10K: number | null;
  q25K: number | null;
  q50K: number | null;
  q75K: number | null;
  q90K: number | null;
  /** Gaussian fit to χ(T): centre μ and its standard error, K. */
  muK: number | null;
  muErrK: number | null;
  /** Gaussian fit: width σ and its standard error, K. */
  sigmaK: number | null;
  sigmaErrK: number | null;
  /** Gaussian fit: full shielding amplitude A (χ_signal as T → 0), emu g⁻¹ Oe⁻¹. */
  amplitudeEmuPerGOe: number | null;
  /** Residual sum of squares / (n − 3) / noise², noise the normal-state residual std. */
  chi2PerDof: number | null;
  /** Fraction of the fitted distribution whose local Tc lies above the sweep's lowest temperature. */
  observedFraction: number | null;
  /** The sweep stops before the transition is complete (under 98 % of the fitted distribution observed). */
  truncated: boolean;
  /** Points the fit used. */
  fitPoints: number;
  /**
   * The skewed alternative (split normal) fitted to the same points, with χ²/dof, the F-test and
   * ΔAIC against the Gaussian and which form the data support; null without a Gaussian fit or when
   * it does not converge. The Gaussian stays the headline (README "Why the Gaussian stays the headline").
   */
  skewed: SplitNormalFit | null;
}

/** Below this share of the fitted distribution inside the sweep, the sweep is flagged truncated. */
const TRUNCATED_BELOW = 0.98;
/** Fit bins are at most σ/5 wide (the smear is then ≤ 0.3 % of σ²) and at most this many. */
const MAX_FIT_BINS = 240;

/** ½ erfc(z/√2): the fraction of a Gaussian above z standard deviations. */
const upperTail = (z: number): number => 0.5 * erfc(z / SQRT2);

/**
 * Moments of P(T) = −df/dT on [a, b] by parts, from f itself (the derivative of noisy data is far
 * noisier): with f(a) = 1 and f(b) = 0, mean = a + ∫f dT and var = (a − mean)² + ∫2(T − mean) f dT.
 */
function observedMoments(shape: TransitionShape, lowValue: number): { meanK: number; stdK: number } {
  const { startK, stepK, smoothed } = shape.grid;
  const n = smoothed.length;
  const f = (i: number): number => (i === 0 ? 1 : i === n - 1 ? 0 : smoothed[i] / lowValue);
  let integral = 0;
  for (let i = 1; i < n; i++) integral += 0.5 * (f(i - 1) + f(i)) * stepK;
  const meanK = startK + integral;
  let second = (startK - meanK) * (startK - meanK);
  for (let i = 1; i < n; i++) {
    const t0 = startK + (i - 1) * stepK;
    const t1 = t0 + stepK;
    second += (t0 - meanK) * f(i - 1) * stepK + (t1 - meanK) * f(i) * stepK;
  }
  return { meanK, stdK: sqrt(max(0, second)) };
}

type Params = [amplitude: number, mu: number, sigma: number];

/**
 * JᵀJ (row-major 3×3), Jᵀr and the residual sum of squares of the points with T ≤ upToK at
 * parameters p, the model and its partials computed once per point (one erfc, one exp).
 */
function normalEquations(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  upToK: number,
  p: number[],
  weight?: ArrayLike<number>,
): { jtj: number[]; jtr: number[]; rss: number; n: number } {
  const [a, mu, sigma] = p;
  let s00 = 0;
  let s01 = 0;
  let s02 = 0;
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let r0 = 0;
  let r1 = 0;
  let r2 = 0;
  let rss = 0;
  let n = 0;
  for (let i = 0; i < t.length && t[i] <= upToK; i++) {
    const z = (t[i] - mu) / sigma;
    const tail = upperTail(z);
    const phi = INV_SQRT_2PI * exp(-0.5 * z * z);
    const w = weight ? weight[i] : 1;
    const g0 = tail;
    const g1 = (a * phi) / sigma;
    const g2 = g1 * z;
    const r = y[i] - a * tail;
    rss += w * r * r;
    s00 += w * g0 * g0;
    s01 += w * g0 * g1;
    s02 += w * g0 * g2;
    s11 += w * g1 * g1;
    s12 += w * g1 * g2;
    s22 += w * g2 * g2;
    r0 += w * g0 * r;
    r1 += w * g1 * r;
    r2 += w * g2 * r;
    n++;
  }
  return { jtj: [s00, s01, s02, s01, s11, s12, s02, s12, s22], jtr: [r0, r1, r2], rss, n };
}

/** Inverse of a symmetric 3×3 matrix (row-major); null when singular. */
function invert3(m: number[]): number[] | null {
  const [a, b, c, , e, f, , , i] = m;
  const d = m[3];
  const g = m[6];
  const h = m[7];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!(abs(det) > 0) || !Number.isFinite(det)) return null;
  const inv = [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d];
  return inv.map((v) => v / det);
}

/**
 * Levenberg–Marquardt for the three parameters on the binned points (each weighted by its count),
 * solving the 3×3 normal equations directly: Marquardt's scaled damping, a step kept only when it
 * lowers the weighted residual, parameters held inside [lower, upper]. Written out rather than
 * ml-levenberg-marquardt (used by the XRD fit), whose matrix layer cost ~40 ms on a fresh analysis
 * thread and ~0.6 ms warm here, against ~0.05 ms for these plain loops.
 */
function levenbergMarquardt3(bins: Bins, start: number[], lower: number[], upper: number[]): number[] {
  return levenbergMarquardt(
    start,
    40,
    (p) => normalEquations(bins.x, bins.y, Infinity, p, bins.weight),
    (damped, jtr, p) => {
      const inv = invert3(damped);
      return inv ? p.map((v, r) => min(upper[r], max(lower[r], v + inv[r * 3] * jtr[0] + inv[r * 3 + 1] * jtr[1] + inv[r * 3 + 2] * jtr[2]))) : null;
    },
  ).p;
}

interface GaussianFit {
  /** Residual sum of squares over the points and the top of the fitted range (for the skewed fit). */
  rss: number;
  upToK: number;
  muK: number;
  muErrK: number;
  sigmaK: number;
  sigmaErrK: number;
  amplitude: number;
  chi2PerDof: number;
  fitPoints: number;
}

/**
 * Least-squares fit of A·½erfc((T − μ)/(σ√2)) to the baseline-subtracted χ of the points below
 * μ₀ + 6σ₀ (above, the model is zero to 1e-9 and the baseline already fixed the level there). The
 * solver runs on the points averaged into bins ≤ σ₀/5 wide, weighted by their counts; χ²/dof and the
 * standard errors, s²(JᵀJ)⁻¹ with s² = RSS/(n − 3), come from the points themselves.
 */
function fitGaussian(t: ArrayLike<number>, y: ArrayLike<number>, noise: number, start: Params): GaussianFit | null {
  const [a0, mu0, sigma0] = start;
  const upToK = mu0 + 6 * sigma0;
  const tMin = t[0];
  const span = min(upToK, t[t.length - 1]) - tMin;
  const bins = binPoints(t, y, upToK, max(sigma0 / 5, span / MAX_FIT_BINS));
  if (bins.x.length < 6) return null;
  const range = t[t.length - 1] - tMin;
  const lower = [a0 < 0 ? 50 * a0 : 0, tMin - 3 * range, range * 1e-4];
  const upper = [a0 < 0 ? 0 : 50 * a0, t[t.length - 1], range];
  const solved = levenbergMarquardt3(bins, [a0, mu0, sigma0], lower, upper);
  if (!solved.every(Number.isFinite)) return null;
  // Bin averaging smears the curve slightly (σ² + w²/12); Gauss–Newton steps on the points
  // themselves remove that, and their last pass gives the residuals and JᵀJ for the errors.
  const { p, pass } = gaussNewtonPolish(
    solved,
    normalEquations(t, y, upToK, solved),
    2,
    (q) => normalEquations(t, y, upToK, q),
    (jtj, jtr, q) => {
      const inv = invert3(jtj);
      return inv ? q.map((v, r) => v + inv[r * 3] * jtr[0] + inv[r * 3 + 1] * jtr[1] + inv[r * 3 + 2] * jtr[2]) : null;
    },
    (next) => next[2] > 0 && next.every(Number.isFinite),
  );
  const [a, mu, sigma] = p;
  const { jtj, rss, n } = pass;
  const cov = invert3(jtj);
  if (!cov || n <= 3) return null;
  const s2 = rss / (n - 3);
  const muErrK = sqrt(max(0, cov[4] * s2));
  const sigmaErrK = sqrt(max(0, cov[8] * s2));
  if (!Number.isFinite(muErrK) || !Number.isFinite(sigmaErrK) || !(sigma > 0)) return null;
  return { rss, upToK, muK: mu, muErrK, sigmaK: sigma, sigmaErrK, amplitude: a, chi2PerDof: s2 / (noise * noise), fitPoints: n };
}

/**
 * The local-Tc distribution of one χ(T) segment (see the file comment).
 * @param temperatureK ascending, distinct temperatures, K
 * @param signal baseline-subtracted χ at those temperatures, emu g⁻¹ Oe⁻¹ (negative when shielded)
 * @param noise normal-state residual std, same units
 * @param shape the located transition (its smoothed uniform grid)
 * @param lowValue the signal at the lowest temperature
 */
export function tcDistribution(
  temperatureK: ArrayLike<number>,
  signal: ArrayLike<number>,
  noise: number,
  shape: TransitionShape,
  lowValue: number,
): TcDistribution {
  const { meanK, stdK } = observedMoments(shape, lowValue);
  const q = (p: number): number | null => fractionCrossingK(shape, 1 - p, lowValue);
  const out: TcDistribution = {
    meanK,
    stdK,
    q10K: q(0.1),
    q25K: q(0.25),
    q50K: q(0.5),
    q75K: q(0.75),
    q90K: q(0.9),
    muK: null,
    muErrK: null,
    sigmaK: null,
    sigmaErrK: null,
    amplitudeEmuPerGOe: null,
    chi2PerDof: null,
    observedFraction: null,
    truncated: false,
    fitPoints: 0,
    skewed: null,
  };
  // Start from the quantiles (interquartile range = 1.349 σ for a Gaussian), else the moments.
  const mu0 = out.q50K ?? meanK;
  const iqr = out.q75K !== null && out.q25K !== null ? out.q75K - out.q25K : 0;
  const sigma0 = max(iqr > 0 ? iqr / 1.349 : stdK, shape.grid.stepK);
  const a0 = lowValue / max(0.05, upperTail((temperatureK[0] - mu0) / sigma0));
  const fit = fitGaussian(temperatureK, signal, noise, [a0, mu0, sigma0]);
  if (!fit) return out;
  const observedFraction = upperTail((temperatureK[0] - fit.muK) / fit.sigmaK);
  return {
    ...out,
    muK: fit.muK,
    muErrK: fit.muErrK,
    sigmaK: fit.sigmaK,
    sigmaErrK: fit.sigmaErrK,
    amplitudeEmuPerGOe: fit.amplitude,
    chi2PerDof: fit.chi2PerDof,
    observedFraction,
    truncated: observedFraction < TRUNCATED_BELOW,
    fitPoints: fit.fitPoints,
    skewed: fitSplitNormal(temperatureK, signal, noise, fit.upToK, { amplitude: fit.amplitude, muK: fit.muK, sigmaK: fit.sigmaK, rss: fit.rss }),
  };
}
