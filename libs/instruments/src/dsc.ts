/**
 * Virtual DSC: a La75Al25-like heating scan from a physical model, written in any of the five
 * supported export formats, with the truth computed from the same model.
 *
 * Model (per gram, exo-up sign, heating rate β in K/s):
 *   y(T) = −β·cp(T) + relaxation(T) + crystallization(T)
 *   cp(T) = cp_glass(T) + ΔCp·S(T)·(1 − α(T)), S a logistic step at Tg (liquid above), α the
 *           crystallized fraction (the crystal's cp is taken equal to the glass's);
 *   relaxation: a sin² exotherm between relaxStartK and relaxEndK with area ΔH_relax (in time);
 *   crystallization: JMAK under constant heating (Ozawa form), α = 1 − exp(−K(T)^n),
 *           K = (T/Tc)²·exp(−E/R·(1/T − 1/Tc)), heat flow ΔH_cryst·β·dα/dT (area ΔH_cryst in time).
 * The instrument adds an offset and slope, the start-up hook, and white noise from a seeded RNG.
 */
import { createRng } from './rng';
import { DscFileFormat, DscWriteInput, writeDsc } from './dsc-writers';

export type { DscFileFormat } from './dsc-writers';

const R_J_PER_MOL_K = 8.314462618;

export interface DscGlassModel {
  heatingRateKPerMin: number;
  startK: number;
  endK: number;
  /** Centre of the logistic heat-capacity step, K. */
  tgMidK: number;
  /** Logistic width of the step, K (10–90 % ≈ 4.4 × this). */
  tgWidthK: number;
  /** Glass heat capacity at 400 K and its slope, J g⁻¹ K⁻¹ and J g⁻¹ K⁻². */
  cpGlassJPerGK: number;
  cpSlopeJPerGK2: number;
  dCpJPerGK: number;
  dhRelaxJPerG: number;
  relaxStartK: number;
  relaxEndK: number;
  dhCrystJPerG: number;
  /** Temperature where K(T) = 1 (α = 1 − 1/e), K. */
  crystTcK: number;
  crystActivationJPerMol: number;
  avramiN: number;
}

/** La75Al25-like defaults: Tg onset ≈ 474 K, first crystallization onset ≈ 500 K. */
export const LA75AL25_DSC: DscGlassModel = {
  heatingRateKPerMin: 20,
  startK: 323.15,
  endK: 573.15,
  tgMidK: 477,
  tgWidthK: 1.3,
  cpGlassJPerGK: 0.225,
  cpSlopeJPerGK2: 6e-5,
  dCpJPerGK: 0.12,
  dhRelaxJPerG: 2.0,
  relaxStartK: 385,
  relaxEndK: 455,
  dhCrystJPerG: 35,
  crystTcK: 507,
  crystActivationJPerMol: 250e3,
  avramiN: 2.5,
};

export interface DscTruth {
  tgOnsetK: number;
  txOnsetK: number;
  txPeakK: number;
  dhCrystJPerG: number;
  dhRelaxJPerG: number;
}

const cpGlass = (m: DscGlassModel, tK: number): number => m.cpGlassJPerGK + m.cpSlopeJPerGK2 * (tK - 400);

function crystallization(m: DscGlassModel, tK: number): { alpha: number; dAlphaDT: number } {
  const lnK = 2 * Math.log(tK / m.crystTcK) - (m.crystActivationJPerMol / R_J_PER_MOL_K) * (1 / tK - 1 / m.crystTcK);
  const kn = Math.exp(m.avramiN * lnK);
  const dLnKdT = 2 / tK + m.crystActivationJPerMol / (R_J_PER_MOL_K * tK * tK);
  const survive = Math.exp(-kn);
  return { alpha: 1 - survive, dAlphaDT: m.avramiN * kn * dLnKdT * survive };
}

/** Noise-free specific heat flow of the model at temperature T, W/g, exotherms positive. */
export function dscModelExoUpWPerG(m: DscGlassModel, tK: number): number {
  const beta = m.heatingRateKPerMin / 60;
  const step = 1 / (1 + Math.exp(-(tK - m.tgMidK) / m.tgWidthK));
  const { alpha, dAlphaDT } = crystallization(m, tK);
  const cp = cpGlass(m, tK) + m.dCpJPerGK * step * (1 - alpha);
  const span = m.relaxEndK - m.relaxStartK;
  // sin² bump: ∫ over T = A·span/2, so A = 2·ΔH·β/span gives ∫ dt = ΔH.
  const relax = tK > m.relaxStartK && tK < m.relaxEndK ? ((2 * m.dhRelaxJPerG * beta) / span) * Math.sin((Math.PI * (tK - m.relaxStartK)) / span) ** 2 : 0;
  return -beta * cp + relax + m.dhCrystJPerG * beta * dAlphaDT;
}

/**
 * Truth by the analyzer's definitions on the noise-free model (0.002 K grid): onsets are the
 * intersections of the tangent at the steepest point (of the step, of the exotherm's leading edge)
 * with the exact glass / supercooled-liquid baselines; enthalpies are the model's (exact).
 */
export function dscTruth(m: DscGlassModel): DscTruth {
  const beta = m.heatingRateKPerMin / 60;
  const h = 0.002;
  const y = (t: number): number => dscModelExoUpWPerG(m, t);
  const dy = (t: number): number => (y(t + h) - y(t - h)) / (2 * h);
  // Coarse-to-fine search for the maximum of f on [a, b]: 0.05 K, then the truth grid h.
  const scan = (a: number, b: number, f: (t: number) => number): number => {
    const search = (lo: number, hi: number, dx: number): number => {
      let best = lo;
      let fBest = f(lo);
      for (let t = lo + dx; t <= hi; t += dx) {
        const v = f(t);
        if (v > fBest) [best, fBest] = [t, v];
      }
      return best;
    };
    const coarse = search(a, b, 0.05);
    return search(Math.max(a, coarse - 0.1), Math.min(b, coarse + 0.1), h);
  };
  // Glass line −β·cp_glass and liquid line −β·(cp_glass + ΔCp); both straight in T.
  const glass = (t: number): number => -beta * cpGlass(m, t);
  const liquid = (t: number): number => -beta * (cpGlass(m, t) + m.dCpJPerGK);
  const slope = -beta * m.cpSlopeJPerGK2;

  const ti = scan(m.tgMidK - 8 * m.tgWidthK, m.tgMidK + 8 * m.tgWidthK, (t) => -dy(t));
  const tgOnsetK = ti - (y(ti) - glass(ti)) / (dy(ti) - slope);
  const txPeakK = scan(m.crystTcK - 30, m.crystTcK + 30, y);
  const ts = scan(txPeakK - 30, txPeakK, dy);
  const txOnsetK = ts - (y(ts) - liquid(ts)) / (dy(ts) - slope);
  return { tgOnsetK, txOnsetK, txPeakK, dhCrystJPerG: m.dhCrystJPerG, dhRelaxJPerG: m.dhRelaxJPerG };
}

export interface VirtualDscOptions {
  format: DscFileFormat;
  seed?: number;
  /** Which way the file's heat-flow sign puts exotherms. Default 'up'. */
  exo?: 'up' | 'down';
  /** Whether the header states the exo direction (where the format has a place for it). Default true. */
  statesExo?: boolean;
  /** Whether the header states the sample mass. Default true. */
  statesMass?: boolean;
  /** White noise on the specific heat flow, W/g. Default 2e-4 (≈ 2 µW on 10 mg). */
  noiseWPerG?: number;
  massMg?: number;
  samplePeriodS?: number;
  model?: Partial<DscGlassModel>;
  /** Instrument baseline: offset (mW), slope (mW/K), start-up hook amplitude (mW, decays in ~12 s). */
  offsetMw?: number;
  slopeMwPerK?: number;
  hookMw?: number;
  csvStyle?: 'comma-celsius-mW' | 'semicolon-kelvin-Wg';
  netzschDecimalComma?: boolean;
  sampleName?: string;
}

export interface VirtualDscFile {
  text: string;
  bytes: Uint8Array;
  fileName: string;
  truth: DscTruth;
  model: DscGlassModel;
}

const HOOK_TAU_S = 12;

/** Simulate one heating scan of a La75Al25-like glass and write it in the requested format. */
export function virtualDscScan(opts: VirtualDscOptions): VirtualDscFile {
  const m: DscGlassModel = { ...LA75AL25_DSC, ...opts.model };
  const rng = createRng(opts.seed ?? 1);
  const massMg = opts.massMg ?? 9.52;
  const noise = opts.noiseWPerG ?? 2e-4;
  const period = opts.samplePeriodS ?? 0.5;
  const beta = m.heatingRateKPerMin / 60;
  const offsetMw = opts.offsetMw ?? 0.35;
  const slopeMwPerK = opts.slopeMwPerK ?? -8e-4;
  const hookMw = opts.hookMw ?? -0.4;
  const sign = (opts.exo ?? 'up') === 'up' ? 1 : -1;

  const n = Math.floor((m.endK - m.startK) / beta / period) + 1;
  const timeS: number[] = [];
  const temperatureK: number[] = [];
  const heatFlowMw: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = i * period;
    const tK = m.startK + beta * t;
    const instrumentMw = offsetMw + slopeMwPerK * (tK - m.startK) + hookMw * Math.exp(-t / HOOK_TAU_S);
    const wPerG = dscModelExoUpWPerG(m, tK) + instrumentMw / massMg + noise * rng.gauss();
    timeS.push(t);
    // Thermocouple reading jitter, far below the resolution of any construction.
    temperatureK.push(tK + 0.002 * rng.gauss());
    heatFlowMw.push(sign * wPerG * massMg);
  }
  const input: DscWriteInput = {
    timeS,
    temperatureK,
    heatFlowMw,
    massMg,
    exo: opts.exo ?? 'up',
    statesExo: opts.statesExo ?? true,
    statesMass: opts.statesMass ?? true,
    heatingRateKPerMin: m.heatingRateKPerMin,
    startK: m.startK,
    endK: m.endK,
    sampleName: opts.sampleName ?? 'La75Al25 ribbon',
    csvStyle: opts.csvStyle ?? 'comma-celsius-mW',
    netzschDecimalComma: opts.netzschDecimalComma ?? false,
  };
  const written = writeDsc(opts.format, input);
  return { ...written, truth: dscTruth(m), model: m };
}
