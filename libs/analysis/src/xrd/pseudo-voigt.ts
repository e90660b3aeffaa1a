/**
 * Pseudo-Voigt peak on a linear background, fitted by Levenberg–Marquardt with an analytical
 * Jacobian; parameter standard errors from the covariance of the linearised problem.
 */
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { inverse, Matrix } from 'ml-matrix';

import { AnalysisError, fail, ok, Result } from '../core/errors';

const LN2 = Math.LN2;

/**
 * Peak-height-normalised pseudo-Voigt: amplitude · [η L + (1 − η) G], with a Lorentzian L and a
 * Gaussian G sharing the same FWHM, so `fwhm` is the FWHM of the whole peak and `amplitude` its height.
 */
export function pseudoVoigt(q: number, centre: number, fwhm: number, eta: number, amplitude: number): number {
  const u = ((q - centre) / fwhm) ** 2;
  return amplitude * (eta / (1 + 4 * u) + (1 - eta) * Math.exp(-4 * LN2 * u));
}

export interface PseudoVoigtFit {
  amplitude: number;
  centre: number;
  fwhm: number;
  eta: number;
  /** Background b0 + b1 · (q − qRef). */
  bg0: number;
  bg1: number;
  qRef: number;
  centreErr: number;
  fwhmErr: number;
  amplitudeErr: number;
  etaErr: number;
  /** Residual sum of squares / (n − 6), in intensity² units. */
  reducedChi2: number;
  n: number;
}

type Params = number[]; // [A, c, w, η, b0, b1] in normalised intensity units

function model(qRef: number) {
  return ([a, c, w, eta, b0, b1]: Params) =>
    (q: number): number =>
      pseudoVoigt(q, c, w, eta, a) + b0 + b1 * (q - qRef);
}

function jacobian(qRef: number) {
  return ([a, c, w, eta]: Params) =>
    (q: number): number[] => {
      const d = q - c;
      const u = (d / w) ** 2;
      const l = 1 / (1 + 4 * u);
      const g = Math.exp(-4 * LN2 * u);
      // ∂u/∂c = −2d/w², ∂u/∂w = −2d²/w³; ∂L/∂u = −4L², ∂G/∂u = −4 ln2 G.
      const dShapeDu = eta * -4 * l * l + (1 - eta) * -4 * LN2 * g;
      return [eta * l + (1 - eta) * g, a * dShapeDu * ((-2 * d) / (w * w)), a * dShapeDu * ((-2 * d * d) / (w * w * w)), a * (l - g), 1, q - qRef];
    };
}

export interface PseudoVoigtStart {
  centre: number;
  fwhm: number;
}

/**
 * Least-squares fit of pseudoVoigt + linear background to (q, y), equal weights. Intensities are
 * scaled to O(1) for the solver and scaled back. Starts at η = 0.5; if that ends on a bound,
 * η = 0.2 and 0.8 are tried too and the lowest residual wins. Standard errors: sqrt of the diagonal of
 * s² (JᵀJ)⁻¹ at the optimum, J the model Jacobian and s² the residual variance χ²/(n − 6), so
 * they reflect the scatter actually seen rather than an assumed counting error.
 */
export function fitPseudoVoigt(q: number[], y: number[], start: PseudoVoigtStart): Result<PseudoVoigtFit, AnalysisError> {
  const n = q.length;
  if (n < 12) return fail(new AnalysisError('NOT_ENOUGH_DATA', `only ${n} points in the fit window`));
  const scale = Math.max(...y.map(Math.abs)) || 1;
  const yn = y.map((v) => v / scale);
  const qMin = Math.min(...q);
  const qMax = Math.max(...q);
  const qRef = start.centre;
  const edge = Math.min(yn[0], yn[n - 1]);
  const peakGuess = Math.max(1e-3, Math.max(...yn) - edge);
  const span = qMax - qMin;
  const options = {
    minValues: [0, qMin, span / n, 0, -1e3, -1e3],
    maxValues: [1e3, qMax, 4 * span, 1, 1e3, 1e3],
    jacobianFunction: jacobian(qRef),
    errorTolerance: 0,
    damping: 1e-3,
  };
  // The library stops only on an absolute error; run short rounds until χ² stops improving.
  const solve = (initial: Params): { p: Params; err: number } | undefined => {
    let p = initial;
    let prevErr = Infinity;
    for (let round = 0; round < 20; round++) {
      const res = levenbergMarquardt({ x: q, y: yn }, model(qRef), { ...options, initialValues: p, maxIterations: 12 });
      if (!res.parameterValues.every(Number.isFinite) || !Number.isFinite(res.parameterError)) return undefined;
      p = res.parameterValues;
      if (prevErr - res.parameterError <= 1e-10 * res.parameterError) return { p, err: res.parameterError };
      prevErr = res.parameterError;
    }
    return { p, err: prevErr };
  };
  let best: { p: Params; err: number } | undefined;
  for (const eta0 of [0.5, 0.2, 0.8]) {
    try {
      const found = solve([peakGuess, start.centre, start.fwhm, eta0, edge, 0]);
      if (found && (best === undefined || found.err < best.err)) best = found;
    } catch {
      // a start that diverges is simply not used
    }
    // Further starts only when the first ends against a bound (a sign of a poor local minimum).
    if (best && best.p[3] > 0 && best.p[3] < 1 && best.p[1] > qMin && best.p[1] < qMax) break;
  }
  if (!best) return fail(new AnalysisError('FIT_FAILED', 'the pseudo-Voigt fit did not converge'));
  const jac = jacobian(qRef)(best.p);
  const rows = q.map((v) => jac(v));
  const j = new Matrix(rows);
  let cov: Matrix;
  try {
    cov = inverse(j.transpose().mmul(j));
  } catch {
    return fail(new AnalysisError('FIT_FAILED', 'singular covariance in the pseudo-Voigt fit'));
  }
  const dof = Math.max(1, n - 6);
  const s2 = best.err / dof;
  const err = (k: number): number => Math.sqrt(Math.max(0, cov.get(k, k) * s2));
  const [a, c, w, eta, b0, b1] = best.p;
  const fit: PseudoVoigtFit = {
    amplitude: a * scale,
    centre: c,
    fwhm: w,
    eta,
    bg0: b0 * scale,
    bg1: b1 * scale,
    qRef,
    centreErr: err(1),
    fwhmErr: err(2),
    amplitudeErr: err(0) * scale,
    etaErr: err(3),
    reducedChi2: s2 * scale * scale,
    n,
  };
  if (![fit.centreErr, fit.fwhmErr].every(Number.isFinite)) return fail(new AnalysisError('FIT_FAILED', 'non-finite parameter errors'));
  return ok(fit);
}

/** Evaluate a fitted peak + background at q. */
export function evaluateFit(fit: PseudoVoigtFit, q: number): number {
  return pseudoVoigt(q, fit.centre, fit.fwhm, fit.eta, fit.amplitude) + fit.bg0 + fit.bg1 * (q - fit.qRef);
}
