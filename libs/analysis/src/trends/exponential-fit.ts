/**
 * y = k·exp(−t/τ) + y0 by exact least squares over every point, with variable projection: for a
 * fixed τ, k and y0 are a linear least-squares solution, so the fit is a 1-D minimisation over τ
 * (log-spaced scan over span·1e-4 … span·1e3, then golden section). Replicates at one t enter the
 * sum of squares only through their mean, spread and count, so the cost is O(n) to group plus
 * O(distinct t) per evaluation: a 1,000-piece campaign fits in about a millisecond, where a
 * general Levenberg–Marquardt loop took most of a second.
 */

export interface ExponentialDecayFit {
  k: number;
  tau: number;
  y0: number;
  /** Standard errors: √diag(s² (JᵀJ)⁻¹), J the Jacobian at the solution, s² = SSR/(n − 3). */
  kErr: number;
  tauErr: number;
  y0Err: number;
  r2: number;
}

/** One distinct t: mean of its y, within-group Σ(y − ȳ)², count. */
interface Group {
  t: number;
  mean: number;
  ss: number;
  n: number;
}

function groupByT(t: number[], y: number[], n: number): Group[] {
  const sums = new Map<number, { s: number; s2: number; n: number }>();
  for (let i = 0; i < n; i++) {
    const g = sums.get(t[i]) ?? { s: 0, s2: 0, n: 0 };
    g.s += y[i];
    g.s2 += y[i] * y[i];
    g.n += 1;
    sums.set(t[i], g);
  }
  return [...sums.entries()].map(([tv, g]) => {
    const mean = g.s / g.n;
    return { t: tv, mean, ss: Math.max(g.s2 - g.n * mean * mean, 0), n: g.n };
  });
}

/** Inverse of a symmetric 3×3 matrix by cofactors; null when singular. */
function invert3(a: number[][]): number[][] | null {
  const [[a00, a01, a02], [, a11, a12], [, , a22]] = a;
  const c00 = a11 * a22 - a12 * a12;
  const c01 = a02 * a12 - a01 * a22;
  const c02 = a01 * a12 - a02 * a11;
  const det = a00 * c00 + a01 * c01 + a02 * c02;
  if (!Number.isFinite(det) || det === 0) return null;
  const c11 = a00 * a22 - a02 * a02;
  const c12 = a01 * a02 - a00 * a12;
  const c22 = a00 * a11 - a01 * a01;
  return [
    [c00 / det, c01 / det, c02 / det],
    [c01 / det, c11 / det, c12 / det],
    [c02 / det, c12 / det, c22 / det],
  ];
}

/**
 * Fit y = k·exp(−t/τ) + y0 (e.g. |χ|(1.8 K) against anneal hold time t) with parameter standard
 * errors from cov = s²(JᵀJ)⁻¹, s² = SSR/(n − 3), and R² = 1 − SSR/SST. Fewer than 4 points or 3
 * distinct t → every field NaN.
 */
export function fitExponentialDecay(t: number[], y: number[]): ExponentialDecayFit {
  const nan: ExponentialDecayFit = { k: NaN, tau: NaN, y0: NaN, kErr: NaN, tauErr: NaN, y0Err: NaN, r2: NaN };
  const count = Math.min(t.length, y.length);
  const groups = groupByT(t, y, count);
  const n = groups.reduce((a, g) => a + g.n, 0);
  if (n < 4 || groups.length < 3) return nan;
  const ssWithin = groups.reduce((a, g) => a + g.ss, 0);
  const grand = groups.reduce((a, g) => a + g.n * g.mean, 0) / n;
  const sst = groups.reduce((a, g) => a + g.ss + g.n * (g.mean - grand) ** 2, 0);
  const ts = groups.map((g) => g.t);
  const span = Math.max(...ts) - Math.min(...ts);
  const solve = (tau: number): { k: number; y0: number; ssr: number } => {
    let s = 0;
    let se = 0;
    let see = 0;
    let sy = 0;
    let sey = 0;
    for (const g of groups) {
      const e = Math.exp(-g.t / tau);
      s += g.n;
      se += g.n * e;
      see += g.n * e * e;
      sy += g.n * g.mean;
      sey += g.n * e * g.mean;
    }
    const det = s * see - se * se;
    if (!(det > 0)) return { k: NaN, y0: NaN, ssr: Infinity };
    const k = (s * sey - se * sy) / det;
    const y0 = (sy - k * se) / s;
    let ssr = ssWithin;
    for (const g of groups) ssr += g.n * (g.mean - k * Math.exp(-g.t / tau) - y0) ** 2;
    return { k, y0, ssr: Number.isFinite(ssr) ? ssr : Infinity };
  };
  const lo = Math.log(span * 1e-4);
  const hi = Math.log(span * 1e3);
  const steps = 280;
  let best = 0;
  let bestSsr = Infinity;
  for (let i = 0; i <= steps; i++) {
    const ssr = solve(Math.exp(lo + ((hi - lo) * i) / steps)).ssr;
    if (ssr < bestSsr) [best, bestSsr] = [i, ssr];
  }
  if (!Number.isFinite(bestSsr)) return nan;
  // Golden section on log τ between the scan neighbours of the best point.
  const golden = (Math.sqrt(5) - 1) / 2;
  const ssrAt = (logTau: number): number => solve(Math.exp(logTau)).ssr;
  let a = lo + ((hi - lo) * Math.max(best - 1, 0)) / steps;
  let b = lo + ((hi - lo) * Math.min(best + 1, steps)) / steps;
  let c = b - golden * (b - a);
  let d = a + golden * (b - a);
  let fc = ssrAt(c);
  let fd = ssrAt(d);
  while (b - a > 1e-12) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - golden * (b - a);
      fc = ssrAt(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + golden * (b - a);
      fd = ssrAt(d);
    }
  }
  const tau = Math.exp((a + b) / 2);
  const { k, y0, ssr } = solve(tau);
  const jtj = [0, 1, 2].map(() => [0, 0, 0]);
  for (const grp of groups) {
    const e = Math.exp(-grp.t / tau);
    const j = [e, (k * grp.t * e) / (tau * tau), 1];
    for (let r = 0; r < 3; r++) for (let q = 0; q < 3; q++) jtj[r][q] += grp.n * j[r] * j[q];
  }
  const inv = invert3(jtj);
  const s2 = ssr / (n - 3);
  const err = (i: number): number => (inv ? Math.sqrt(Math.max(s2 * inv[i][i], 0)) : NaN);
  return { k, tau, y0, kErr: err(0), tauErr: err(1), y0Err: err(2), r2: sst > 0 ? 1 - ssr / sst : 1 };
}
