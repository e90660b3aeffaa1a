/**
 * A skewed local-Tc distribution fitted beside the Gaussian: the split normal (two half-Gaussians
 * of widths σ_low below the mode and σ_high above it, joined at the mode). Chosen over the
 * skew-normal because its CDF is two erfc's (the fit stays as cheap as the Gaussian's, where the
 * skew-normal's needs Owen's T function), its parameters read directly (how far the distribution
 * reaches below and above its most common Tc), and it nests the Gaussian (σ_low = σ_high), so an
 * F-test and AIC say whether the extra parameter is earned. χ_signal(T) = A · P(Tc_local > T).
 */
import { erfc } from '../core/numeric';
import { binPoints, gaussNewtonPolish, levenbergMarquardt } from './fit-support';

const { abs, exp, log, max, min, sqrt } = Math;
const SQRT2 = Math.SQRT2;
const SQRT_2_OVER_PI = sqrt(2 / Math.PI);

export interface SplitNormalFit {
  /** Mode (most common local Tc) and its standard error, K. */
  modeK: number;
  modeErrK: number;
  /** Width below and above the mode, with standard errors, K. */
  sigmaLowK: number;
  sigmaLowErrK: number;
  sigmaHighK: number;
  sigmaHighErrK: number;
  /** Mean and standard deviation of the fitted split normal, K. */
  meanK: number;
  stdK: number;
  /** Residual sum of squares / (n − 4) / noise². */
  chi2PerDof: number;
  /** F statistic of the extra parameter against the Gaussian (nested: σ_low = σ_high), and its p-value. */
  fStatistic: number;
  fTestP: number;
  /** AIC(split normal) − AIC(Gaussian) = n ln(RSS_split/RSS_gauss) + 2; below −10: strong evidence for the skew. */
  deltaAic: number;
  /** Which form the data support: the split normal only when ΔAIC < −10. */
  preferred: 'gaussian' | 'split-normal';
}

/** Evidence the split normal must reach before it is preferred (Burnham & Anderson: ΔAIC > 10 is strong). */
const PREFER_BELOW_DELTA_AIC = -10;

type P4 = [amplitude: number, mode: number, sigmaLow: number, sigmaHigh: number];

/**
 * JᵀJ (4×4 row-major), Jᵀr and RSS over the points with T ≤ upToK, each weighted (default 1). The
 * model and its four partials are written out per point (one erfc, one exp, no allocation): above
 * the mode F = w_h·erfc(u/√2), u = (T − m)/σ_h; below it F = 1 − w_l·erfc(v/√2), v = (m − T)/σ_l;
 * w = σ/(σ_l + σ_h); y = A·F.
 */
function normalEquations(t: ArrayLike<number>, y: ArrayLike<number>, upToK: number, p: P4, weight?: ArrayLike<number>) {
  const [a, m, sl, sh] = p;
  const s = sl + sh;
  const s2 = s * s;
  const jtj = new Array<number>(16).fill(0);
  let r0 = 0;
  let r1 = 0;
  let r2 = 0;
  let r3 = 0;
  let rss = 0;
  let n = 0;
  for (let i = 0; i < t.length && t[i] <= upToK; i++) {
    let f: number;
    let g2: number;
    let g3: number;
    let gm: number;
    if (t[i] >= m) {
      const u = (t[i] - m) / sh;
      const e = erfc(u / SQRT2);
      const g = SQRT_2_OVER_PI * exp(-0.5 * u * u);
      f = (sh / s) * e;
      gm = (a * g) / s;
      g2 = (-a * sh * e) / s2;
      g3 = a * ((sl * e) / s2 + (g * u) / s);
    } else {
      const v = (m - t[i]) / sl;
      const e = erfc(v / SQRT2);
      const g = SQRT_2_OVER_PI * exp(-0.5 * v * v);
      f = 1 - (sl / s) * e;
      gm = (a * g) / s;
      g2 = -a * ((sh * e) / s2 + (g * v) / s);
      g3 = (a * sl * e) / s2;
    }
    const w = weight ? weight[i] : 1;
    const r = y[i] - a * f;
    rss += w * r * r;
    r0 += w * f * r;
    r1 += w * gm * r;
    r2 += w * g2 * r;
    r3 += w * g3 * r;
    jtj[0] += w * f * f;
    jtj[1] += w * f * gm;
    jtj[2] += w * f * g2;
    jtj[3] += w * f * g3;
    jtj[5] += w * gm * gm;
    jtj[6] += w * gm * g2;
    jtj[7] += w * gm * g3;
    jtj[10] += w * g2 * g2;
    jtj[11] += w * g2 * g3;
    jtj[15] += w * g3 * g3;
    n++;
  }
  for (let r = 0; r < 4; r++) for (let c = 0; c < r; c++) jtj[r * 4 + c] = jtj[c * 4 + r];
  return { jtj, jtr: [r0, r1, r2, r3], rss, n };
}

/** Solves M x = v (4×4, Gauss–Jordan with partial pivoting); the inverse too when asked. Null when singular. */
function solve4(m: number[], v: number[]): { x: number[]; inverse: number[] } | null {
  const a = m.slice();
  const inv = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const x = v.slice();
  for (let c = 0; c < 4; c++) {
    let pivot = c;
    for (let r = c + 1; r < 4; r++) if (abs(a[r * 4 + c]) > abs(a[pivot * 4 + c])) pivot = r;
    const d = a[pivot * 4 + c];
    if (!(abs(d) > 0) || !Number.isFinite(d)) return null;
    if (pivot !== c) {
      for (let k = 0; k < 4; k++) {
        [a[c * 4 + k], a[pivot * 4 + k]] = [a[pivot * 4 + k], a[c * 4 + k]];
        [inv[c * 4 + k], inv[pivot * 4 + k]] = [inv[pivot * 4 + k], inv[c * 4 + k]];
      }
      [x[c], x[pivot]] = [x[pivot], x[c]];
    }
    for (let k = 0; k < 4; k++) {
      a[c * 4 + k] /= d;
      inv[c * 4 + k] /= d;
    }
    x[c] /= d;
    for (let r = 0; r < 4; r++) {
      if (r === c) continue;
      const f = a[r * 4 + c];
      if (f === 0) continue;
      for (let k = 0; k < 4; k++) {
        a[r * 4 + k] -= f * a[c * 4 + k];
        inv[r * 4 + k] -= f * inv[c * 4 + k];
      }
      x[r] -= f * x[c];
    }
  }
  return { x, inverse: inv };
}

/**
 * Fit the split normal to the baseline-subtracted χ of the points with T ≤ upToK, starting from the
 * Gaussian fit (mode μ, σ_low = σ_high = σ), by Levenberg–Marquardt on the 4×4 normal equations.
 * Null when the fit does not converge to a determined, finite result.
 * @param gaussian the Gaussian fit over the same points: its parameters and residual sum of squares
 */
export function fitSplitNormal(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  noise: number,
  upToK: number,
  gaussian: { amplitude: number; muK: number; sigmaK: number; rss: number },
): SplitNormalFit | null {
  const n0 = t.length;
  // Without residuals (a noise-free curve) there is nothing for an F-test or AIC to compare.
  if (n0 < 8 || !(gaussian.rss > 0)) return null;
  const range = t[n0 - 1] - t[0];
  const lowerSigma = range * 1e-4;
  // The solver runs on the points averaged into bins ≤ σ/5 wide (as the Gaussian's does); the
  // residuals, χ²/dof and errors come from the points themselves.
  const bins = binPoints(t, y, upToK, gaussian.sigmaK / 5);
  const solved = levenbergMarquardt<P4>(
    [gaussian.amplitude, gaussian.muK, gaussian.sigmaK, gaussian.sigmaK],
    30,
    (p) => normalEquations(bins.x, bins.y, Infinity, p, bins.weight),
    (damped, jtr, p) => {
      const step = solve4(damped, jtr);
      return step ? [p[0] + step.x[0], p[1] + step.x[1], min(range, max(lowerSigma, p[2] + step.x[2])), min(range, max(lowerSigma, p[3] + step.x[3]))] : null;
    },
  );
  if (solved.singular) return null;
  // Bin averaging smears the curve slightly; Gauss–Newton steps on the points remove that, and the
  // last pass gives the residuals and JᵀJ for the errors.
  const polished = gaussNewtonPolish<P4, ReturnType<typeof normalEquations>>(
    solved.p,
    normalEquations(t, y, upToK, solved.p),
    2,
    (p) => normalEquations(t, y, upToK, p),
    (jtj, jtr, p) => {
      const step = solve4(jtj, jtr);
      return step ? [p[0] + step.x[0], p[1] + step.x[1], p[2] + step.x[2], p[3] + step.x[3]] : null;
    },
    (next) => next[2] > lowerSigma && next[3] > lowerSigma && next.every(Number.isFinite),
  );
  const { p, pass } = polished;
  const { jtj, rss, n } = pass;
  if (n <= 4 || !(rss > 0)) return null;
  const cov = solve4(jtj, [0, 0, 0, 0])?.inverse;
  if (!cov) return null;
  const s2 = rss / (n - 4);
  const err = (k: number): number => sqrt(max(0, cov[k * 5] * s2));
  const [, mode, sl, sh] = p;
  const errs = [err(1), err(2), err(3)];
  if (!p.every(Number.isFinite) || !errs.every(Number.isFinite)) return null;
  // Never worse than the nested Gaussian: the Gaussian is the split normal's own starting point.
  const rssSplit = min(rss, gaussian.rss);
  const fStatistic = rssSplit > 0 ? max(0, (gaussian.rss - rssSplit) / (rssSplit / (n - 4))) : 0;
  const deltaAic = n * log(rssSplit / gaussian.rss) + 2;
  const skew = sh - sl;
  return {
    modeK: mode,
    modeErrK: errs[0],
    sigmaLowK: sl,
    sigmaLowErrK: errs[1],
    sigmaHighK: sh,
    sigmaHighErrK: errs[2],
    meanK: mode + SQRT_2_OVER_PI * skew,
    stdK: sqrt((1 - 2 / Math.PI) * skew * skew + sl * sh),
    chi2PerDof: s2 / (noise * noise),
    fStatistic,
    // F(1, n − 4) with n in the hundreds is the square of a standard normal: p = erfc(√(F/2)).
    // (The erfc approximation reaches 1 + 3e-8 at 0.)
    fTestP: min(1, erfc(sqrt(fStatistic / 2))),
    deltaAic,
    preferred: deltaAic < PREFER_BELOW_DELTA_AIC ? 'split-normal' : 'gaussian',
  };
}
