import { mdgFieldFactor, mdgHc2ZeroT } from './dirty-limit';

export interface Hc2Point {
  fieldT: number;
  tcK: number;
}

export interface MdgFit {
  diffusivityM2PerS: number;
  tc0K: number;
  hc2ZeroT: number;
  /** Root-mean-square field residual, tesla. */
  rmsT: number;
}

/** For fixed Tc0 the model μ0Hc2 = g(T)/D is linear in 1/D, so the least-squares 1/D is closed-form. */
function solveInverseD(points: readonly Hc2Point[], tc0K: number): { invD: number; ssr: number } {
  const g = points.map((p) => mdgFieldFactor(p.tcK, tc0K));
  let sgb = 0;
  let sgg = 0;
  for (let i = 0; i < points.length; i++) {
    sgb += g[i] * points[i].fieldT;
    sgg += g[i] * g[i];
  }
  const invD = sgg > 0 ? sgb / sgg : NaN;
  let ssr = 0;
  for (let i = 0; i < points.length; i++) ssr += (points[i].fieldT - invD * g[i]) ** 2;
  return { invD, ssr };
}

/**
 * Maki–de Gennes (dirty-limit, digamma) fit of Hc2(T) points:
 *   ln(1/t) = ψ(1/2 + ħ/(4π kB T τ)) − ψ(1/2),  ħ/τ = 2 D e μ0Hc2,  t = T/Tc0,
 * i.e. ln(1/t) + ψ(1/2) − ψ(1/2 + D e μ0Hc2 / (2π kB T)) = 0, with the single parameter D (m²/s).
 * Least squares in field. With `tc0K` given (zero-field Tc) 1/D is solved exactly; otherwise
 * Tc0 is found by golden-section search above the highest Tc (1/D exact at each trial).
 * Returns null when no point carries a field or the fit gives a non-positive D.
 */
export function fitMakiDeGennes(points: readonly Hc2Point[], tc0K?: number): MdgFit | null {
  // Zero-field points constrain Tc0 when it is free; with Tc0 fixed they have g = 0 and no weight.
  const withField = points.filter((p) => Number.isFinite(p.fieldT) && p.fieldT >= 0 && Number.isFinite(p.tcK) && p.tcK > 0);
  if (!withField.some((p) => p.fieldT > 0)) return null;
  let tc0 = tc0K;
  if (tc0 === undefined) {
    const tMax = Math.max(...points.map((p) => p.tcK));
    let a = tMax * (1 + 1e-9);
    let b = tMax + Math.max(0.5, tMax);
    const phi = (Math.sqrt(5) - 1) / 2;
    for (let k = 0; k < 100 && b - a > 1e-7; k++) {
      const c = b - phi * (b - a);
      const d = a + phi * (b - a);
      if (solveInverseD(withField, c).ssr < solveInverseD(withField, d).ssr) b = d;
      else a = c;
    }
    tc0 = 0.5 * (a + b);
  }
  const { invD, ssr } = solveInverseD(withField, tc0);
  if (!(invD > 0)) return null;
  const diffusivityM2PerS = 1 / invD;
  return {
    diffusivityM2PerS,
    tc0K: tc0,
    hc2ZeroT: mdgHc2ZeroT(tc0, diffusivityM2PerS),
    rmsT: Math.sqrt(ssr / withField.length),
  };
}

/** The fitted Maki–de Gennes curve μ0Hc2(T), tesla, for plotting. */
export function mdgCurveT(fit: MdgFit, temperatureK: number): number {
  return mdgFieldFactor(temperatureK, fit.tc0K) / fit.diffusivityM2PerS;
}
