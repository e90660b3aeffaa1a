/**
 * Weighted least squares of a power law on a flat background, I(q) = A·q^−n + B. For a fixed n the
 * model is linear in A and B, so they are solved exactly and only n is searched (a grid, then a
 * golden-section refinement); standard errors come from the covariance of all three parameters.
 */
import { inverse, Matrix } from 'ml-matrix';

export interface PowerLawFit {
  /** Prefactor: the power-law term at q = 1 (q's unit, Å⁻¹). */
  a: number;
  n: number;
  /** Flat background, intensity units (≥ 0: an incoherent background cannot be negative). */
  b: number;
  /** True when B sits on its bound 0 (then bErr is NaN: B is not a free parameter). */
  bAtZero: boolean;
  aErr: number;
  nErr: number;
  bErr: number;
  /** Σ((I − I_fit)/σ)² over the points used, and its degrees of freedom (points − 3). */
  chi2: number;
  dof: number;
  nAtEdge: boolean;
}

const N_MIN = 0.05;
const N_MAX = 8;
const N_STEP = 0.02;

/** A_ref and B minimising Σw(y − A_ref·u − B)² for the basis u = (q/q0)^−n; χ² at that optimum. */
function solveLinear(u: Float64Array, y: readonly number[], w: readonly number[], sel: readonly number[]): { aRef: number; b: number; chi2: number } {
  let sw = 0;
  let su = 0;
  let sy = 0;
  let suu = 0;
  let suy = 0;
  for (const i of sel) {
    sw += w[i];
    su += w[i] * u[i];
    sy += w[i] * y[i];
    suu += w[i] * u[i] * u[i];
    suy += w[i] * u[i] * y[i];
  }
  const det = sw * suu - su * su;
  if (!(Math.abs(det) > 0) || !(suu > 0)) return { aRef: NaN, b: NaN, chi2: Infinity };
  let aRef = (sw * suy - su * sy) / det;
  let b = (suu * sy - su * suy) / det;
  if (b < 0) {
    // A flat background cannot be negative: on its bound the model is the bare power law.
    b = 0;
    aRef = suy / suu;
  }
  let chi2 = 0;
  for (const i of sel) {
    const r = y[i] - aRef * u[i] - b;
    chi2 += w[i] * r * r;
  }
  return { aRef, b, chi2 };
}

/**
 * Fit I = A·q^−n + B, B ≥ 0, to the points with `used[i]`, weights 1/σ². n is searched over 0.05–8
 * (`nAtEdge` when the best n is an end of that range: no power law). Standard
 * errors: sqrt of the diagonal of (JᵀWJ)⁻¹, J the model's Jacobian in (A, n, B) — the errors for
 * the σ given; callers scale them by sqrt(χ²/dof) when σ is only nominal. Undefined when fewer than
 * 4 points are used or the problem is degenerate.
 */
export function fitPowerLawBackground(q: readonly number[], y: readonly number[], sigma: readonly number[], used: readonly boolean[]): PowerLawFit | undefined {
  const sel = used.map((u, i) => (u ? i : -1)).filter((i) => i >= 0);
  if (sel.length < 4) return undefined;
  const w = sigma.map((s) => 1 / (s * s));
  // A reference q in the middle (geometric mean) keeps (q/q0)^−n of order one for any n.
  const q0 = Math.exp(sel.reduce((s, i) => s + Math.log(q[i]), 0) / sel.length);
  const logq = q.map((v) => Math.log(v / q0));
  const u = new Float64Array(q.length);
  const at = (n: number) => {
    for (const i of sel) u[i] = Math.exp(-n * logq[i]);
    return solveLinear(u, y, w, sel);
  };
  let bestN = N_MIN;
  let bestChi2 = Infinity;
  for (let n = N_MIN; n <= N_MAX + 1e-9; n += N_STEP) {
    const c = at(n).chi2;
    if (c < bestChi2) {
      bestChi2 = c;
      bestN = n;
    }
  }
  // Golden-section search within one grid step either side.
  let lo = Math.max(N_MIN, bestN - N_STEP);
  let hi = Math.min(N_MAX, bestN + N_STEP);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = at(x1).chi2;
  let f2 = at(x2).chi2;
  for (let k = 0; k < 40; k++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = at(x1).chi2;
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = at(x2).chi2;
    }
  }
  const n = (lo + hi) / 2;
  const best = at(n);
  if (!Number.isFinite(best.chi2) || !Number.isFinite(best.aRef)) return undefined;
  // Covariance in (A_ref, n[, B]); A = A_ref·q0^n, so σ_A follows from σ_Aref and σ_n by propagation.
  const bAtZero = best.b === 0;
  const rows = sel.map((i) => {
    const sw = Math.sqrt(w[i]);
    const row = [sw * u[i], sw * -best.aRef * u[i] * logq[i]];
    return bAtZero ? row : [...row, sw];
  });
  let cov: Matrix;
  try {
    const j = new Matrix(rows);
    cov = inverse(j.transpose().mmul(j));
  } catch {
    return undefined;
  }
  const varOf = (k: number): number => Math.max(0, cov.get(k, k));
  const scale = q0 ** n;
  const a = best.aRef * scale;
  // dA = scale·dA_ref + A·ln(q0)·dn
  const dA = [scale, a * Math.log(q0)];
  const aVar = dA[0] ** 2 * varOf(0) + dA[1] ** 2 * varOf(1) + 2 * dA[0] * dA[1] * cov.get(0, 1);
  return {
    a,
    n,
    b: best.b,
    bAtZero,
    aErr: Math.sqrt(Math.max(0, aVar)),
    nErr: Math.sqrt(varOf(1)),
    bErr: bAtZero ? NaN : Math.sqrt(varOf(2)),
    chi2: best.chi2,
    dof: sel.length - (bAtZero ? 2 : 3),
    nAtEdge: n < N_MIN + N_STEP / 2 || n > N_MAX - N_STEP / 2,
  };
}

/** The fitted model at q. */
export const powerLawAt = (fit: Pick<PowerLawFit, 'a' | 'n' | 'b'>, q: number): number => fit.a * q ** -fit.n + fit.b;
