import digamma from '@stdlib/math-base-special-digamma';

/** Boltzmann constant, J/K. */
export const K_B_J_PER_K = 1.380649e-23;
/** Elementary charge, C. */
export const E_CHARGE_C = 1.602176634e-19;
/** Superconducting flux quantum h/2e, Wb. */
export const PHI0_WB = 2.067833848e-15;
/** The WHH dirty-limit coefficient as the study (and most papers) round it. */
export const WHH_COEFF = 0.693;

const PSI_HALF = digamma(0.5);

/**
 * Pair-breaking parameter x(t) ≥ 0 solving ψ(1/2 + x) − ψ(1/2) = ln(1/t) for reduced temperature
 * t = T/Tc0 in (0, 1]; 0 at t ≥ 1. The left side increases monotonically in x, so bisection on a
 * doubled bracket always converges (bounded to 200 steps).
 */
export function pairBreakingX(t: number): number {
  if (!(t < 1)) return 0;
  if (!(t > 0)) return Infinity;
  const target = Math.log(1 / t);
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 1100 && digamma(0.5 + hi) - PSI_HALF < target; k++) hi *= 2;
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (digamma(0.5 + mid) - PSI_HALF < target) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-14 * hi) break;
  }
  return 0.5 * (lo + hi);
}

/**
 * Field factor g(T), tesla·m²/s: in the Maki–de Gennes dirty limit μ0Hc2(T) = g(T) / D with
 * g = 2π kB T x(T/Tc0) / e, because the orbital pair-breaking energy is ħ/τ = 2 D e μ0H and
 * ln(Tc0/T) = ψ(1/2 + D e μ0Hc2 / (2π kB T)) − ψ(1/2).
 */
export function mdgFieldFactor(temperatureK: number, tc0K: number): number {
  return (2 * Math.PI * K_B_J_PER_K * temperatureK * pairBreakingX(temperatureK / tc0K)) / E_CHARGE_C;
}

/**
 * Maki–de Gennes μ0Hc2(0), tesla, for diffusivity D (m²/s): at T → 0 the digamma equation gives
 * D e μ0Hc2(0) / (2π kB Tc0) = e^ψ(1/2) = e^−γ / 4, so μ0Hc2(0) = π kB Tc0 e^−γ / (2 e D).
 * This is exactly π² e^−γ / 8 = 0.6927 × Tc0 |dHc2/dT|Tc0 (the WHH number).
 */
export function mdgHc2ZeroT(tc0K: number, diffusivityM2PerS: number): number {
  return (2 * Math.PI * K_B_J_PER_K * tc0K * Math.exp(PSI_HALF)) / (E_CHARGE_C * diffusivityM2PerS);
}

/** WHH dirty limit: μ0Hc2(0) = −0.693 Tc (dμ0Hc2/dT)|Tc, tesla, from Tc in K and the slope in T/K. */
export function whhHc2ZeroT(tcK: number, slopeTPerK: number): number {
  return -WHH_COEFF * tcK * slopeTPerK;
}

/** Ginzburg–Landau ξ(0) = sqrt(Φ0 / (2π μ0Hc2(0))), returned in nm, from μ0Hc2(0) in tesla. */
export function coherenceLengthNm(hc2ZeroT: number): number {
  return Math.sqrt(PHI0_WB / (2 * Math.PI * hc2ZeroT)) * 1e9;
}
