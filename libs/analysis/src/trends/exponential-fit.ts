import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { inverse, Matrix } from 'ml-matrix';

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

/** Initial values: y0 from the tail, k from the head, τ where the curve has fallen by 1 − 1/e. */
function initialGuess(t: number[], y: number[]): [number, number, number] {
  const order = t.map((_, i) => i).sort((a, b) => t[a] - t[b]);
  const first = y[order[0]];
  const last = y[order[order.length - 1]];
  const span = t[order[order.length - 1]] - t[order[0]];
  const target = last + (first - last) / Math.E;
  let tau = span / 3;
  for (let j = 1; j < order.length; j++) {
    const a = y[order[j - 1]];
    const b = y[order[j]];
    if ((a - target) * (b - target) <= 0 && a !== b) {
      const ta = t[order[j - 1]];
      tau = Math.max(ta + ((target - a) / (b - a)) * (t[order[j]] - ta) - t[order[0]], span / 100);
      break;
    }
  }
  return [first - last, tau, last];
}

/**
 * Fit y = k·exp(−t/τ) + y0 (e.g. |χ|(1.8 K) against anneal hold time t) by Levenberg–Marquardt with
 * the analytic Jacobian, on y scaled to order one. Parameter standard errors from the Jacobian
 * at the solution: cov = s² (JᵀJ)⁻¹, s² = SSR/(n − 3); R² = 1 − SSR/SST.
 * Fewer than 4 points → every field NaN.
 */
export function fitExponentialDecay(t: number[], y: number[]): ExponentialDecayFit {
  const n = Math.min(t.length, y.length);
  const nan: ExponentialDecayFit = { k: NaN, tau: NaN, y0: NaN, kErr: NaN, tauErr: NaN, y0Err: NaN, r2: NaN };
  if (n < 4) return nan;
  const x = t.slice(0, n);
  const scale = Math.max(...y.slice(0, n).map(Math.abs)) || 1;
  const ys = y.slice(0, n).map((v) => v / scale);
  const [k0, tau0, y00] = initialGuess(x, ys);
  const span = Math.max(...x) - Math.min(...x) || 1;
  const model = ([k, tau, y0]: number[]) => (ti: number) => k * Math.exp(-ti / tau) + y0;
  const jacobian = ([k, tau]: number[]) => (ti: number) => {
    const e = Math.exp(-ti / tau);
    return [e, (k * ti * e) / (tau * tau), 1];
  };
  const fit = levenbergMarquardt({ x, y: ys }, model, {
    initialValues: [k0, tau0, y00],
    jacobianFunction: jacobian,
    minValues: [-10, span * 1e-4, -10],
    maxValues: [10, span * 1e3, 10],
    damping: 1e-2,
    maxIterations: 500,
    errorTolerance: 1e-16,
  });
  const [k, tau, y0] = fit.parameterValues;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let ssr = 0;
  let sst = 0;
  const f = model(fit.parameterValues);
  const j = jacobian(fit.parameterValues);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    ssr += (ys[i] - f(x[i])) ** 2;
    sst += (ys[i] - meanY) ** 2;
    rows.push(j(x[i]));
  }
  const J = new Matrix(rows);
  let cov: Matrix | undefined;
  try {
    cov = inverse(J.transpose().mmul(J)).mul(n > 3 ? ssr / (n - 3) : NaN);
  } catch {
    cov = undefined;
  }
  const err = (i: number): number => (cov ? Math.sqrt(Math.max(cov.get(i, i), 0)) : NaN);
  return { k: k * scale, tau, y0: y0 * scale, kErr: err(0) * scale, tauErr: err(1), y0Err: err(2) * scale, r2: sst > 0 ? 1 - ssr / sst : 1 };
}
