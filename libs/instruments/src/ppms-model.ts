import digamma from '@stdlib/math-base-special-digamma';

/**
 * Physical model of a superconducting metallic-glass ribbon in a PPMS transport puck:
 * R(T, H) = R_n(T) · s(T, H), with a weakly negative-TCR normal state and a tanh-shaped
 * transition centred on the dirty-limit (Werthamer–Helfand–Hohenberg / Maki–de Gennes) Tc(H).
 * Kept independent of libs/analysis so that the analyzer is tested against separate code.
 */
export interface RibbonModel {
  /** Zero-field Tc, K (50 % point of the transition). */
  tc0K: number;
  /** μ0Hc2(0) of the dirty-limit curve, tesla. */
  hc2ZeroT: number;
  /** 10–90 % width at zero field, K. */
  width0K: number;
  /** Extra 10–90 % width at μ0H = Hc2(0), K (grows linearly with field: vortex flow broadening). */
  widthPerHc2K: number;
  /** Normal-state resistance at 4 K, ohm. */
  normalOhm4K: number;
  /** Temperature coefficient of resistance (1/R dR/dT), 1/K; small and negative for these glasses. */
  tcrPerK: number;
  /**
   * Curvature of the normal state, 1/K² (R_n ∝ 1 + tcr·(T − 4) + tcr2·(T − 4)²); 0 when absent. A
   * crystalline film's phonon resistance makes R_n(T) bend over a 2–300 K run.
   */
  tcr2PerK2?: number;
}

const PSI_HALF = digamma(0.5);
/** Half 10–90 % width of (1 + tanh u)/2 in units of u: atanh(0.8). */
export const TANH_HALF_WIDTH = Math.atanh(0.8);
/** Exact dirty-limit ratio μ0Hc2(0) / (Tc |dHc2/dT|Tc) = π² e^−γ / 8 = 0.6927. */
export const DIRTY_LIMIT_RATIO = (Math.PI ** 2 * Math.exp(PSI_HALF) * 4) / 8;

/**
 * Reduced Tc(H)/Tc0 for reduced field h = μ0H / μ0Hc2(0) on the dirty-limit curve
 * ln(1/t) = ψ(1/2 + x) − ψ(1/2), x = D e μ0H / (2π kB T). Parametrised by x, t = exp(ψ(1/2) − ψ(1/2 + x))
 * and h = t·x / e^ψ(1/2) = x·exp(−ψ(1/2 + x)), which rises monotonically from 0 to 1, so h → x by bisection.
 */
export function reducedTcAtField(h: number): number {
  if (!(h > 0)) return 1;
  if (!(h < 1)) return 0;
  const hOf = (x: number): number => x * Math.exp(-digamma(0.5 + x));
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 200 && hOf(hi) < h; k++) hi *= 2;
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (hOf(mid) < h) lo = mid;
    else hi = mid;
  }
  const x = 0.5 * (lo + hi);
  return Math.exp(PSI_HALF - digamma(0.5 + x));
}

/** Tc at field μ0H (tesla), K. */
export function tcAtFieldK(model: RibbonModel, fieldT: number): number {
  return model.tc0K * reducedTcAtField(Math.abs(fieldT) / model.hc2ZeroT);
}

/** 10–90 % width at field μ0H (tesla), K. */
export function widthAtFieldK(model: RibbonModel, fieldT: number): number {
  return model.width0K + (model.widthPerHc2K * Math.abs(fieldT)) / model.hc2ZeroT;
}

/** Normal-state resistance, ohm: linear in T with the model's TCR, plus its curvature when given. */
export function normalOhm(model: RibbonModel, temperatureK: number): number {
  const d = temperatureK - 4;
  return model.normalOhm4K * (1 + model.tcrPerK * d + (model.tcr2PerK2 ?? 0) * d * d);
}

/** Noise-free R(T, H), ohm. */
export function resistanceOhm(model: RibbonModel, temperatureK: number, fieldT: number): number {
  const w = widthAtFieldK(model, fieldT) / (2 * TANH_HALF_WIDTH);
  const s = 0.5 * (1 + Math.tanh((temperatureK - tcAtFieldK(model, fieldT)) / w));
  return normalOhm(model, temperatureK) * s;
}

/** The slope dμ0Hc2/dT at Tc0 of the dirty-limit curve, T/K (negative). */
export function hc2SlopeAtTcTPerK(model: RibbonModel): number {
  return -model.hc2ZeroT / (DIRTY_LIMIT_RATIO * model.tc0K);
}
