/**
 * Paper-shaped magnetic campaigns (docs/analysis-definitions.md "The science"): La75Al25 glass ribbons annealed at
 * 453 K or cryo-cycled, and a crystallized control, each level measured on two pieces in ZFC and
 * FC at 20 Oe with the MPMS virtual instrument.
 *
 * Shapes built in: as-quenched onset ≈ 3.6 K; crystallized onset ≈ 4.3 K with a 6× narrower
 * local-Tc distribution; anneal hold t (min): |χ|(1.8 K) = k·exp(−t/τ) + y0 (−38 % at 1 min) and
 * Tc −2.5 % at 1 min; cryo cycles raise Tc and shielding; FC/ZFC ≈ 25 % (weak pinning).
 */
import { fcLocalTcSharingOnset, fractionAboveTc, modelTruth, type SuperconductorModel } from './mpms-model';
import { MPMS_FORMATS, writeMpmsFile, type MpmsFormat, type VirtualMagneticFile } from './mpms-writers';
import { createRng } from './rng';

export type CampaignKind = 'ANNEAL_453K' | 'CRYO_CYCLES' | 'CRYSTALLIZED';

export interface CampaignOptions {
  seed?: number;
  /** One format for every file, or 'rotate' through all four writers (default). */
  format?: MpmsFormat | 'rotate';
  /** Moment noise, emu (default 5e-8, a SQUID at 20 Oe). */
  noiseEmu?: number;
  fieldOe?: number;
  piecesPerLevel?: number;
}

/** Parameters that generated the campaign, for checking what the analysis recovers. */
export interface CampaignGenerating {
  /** |χ|(1.8 K) = k·exp(−t/τ) + y0 over anneal hold t (ANNEAL_453K only), emu g⁻¹ Oe⁻¹ and min. */
  tauMin?: number;
  kEmuPerGOe?: number;
  y0EmuPerGOe?: number;
  /** Local-Tc scale and |χ|(1.8 K) scale per level, relative to the as-quenched glass. */
  tcScaleByLevel: number[];
  shieldingScaleByLevel: number[];
}

export interface CampaignItem {
  kind: CampaignKind;
  level: number;
  piece: number;
  sampleCode: string;
  massMg: number;
  model: SuperconductorModel;
  zfc: VirtualMagneticFile;
  fc: VirtualMagneticFile;
}

export interface MagneticCampaign {
  kind: CampaignKind;
  factor: string;
  levels: number[];
  generating: CampaignGenerating;
  items: CampaignItem[];
}

export const GLASS_DENSITY_G_CM3 = 5.9;
const FIELD_OE = 20;
const NOISE_EMU = 5e-8;
const GLASS_SIGMA_K = 0.18;
const GLASS_ONSET_K = 3.6;
const CRYSTAL_ONSET_K = 4.3;
/** |χ|(1.8 K) of the as-quenched glass, emu g⁻¹ Oe⁻¹ (shielding ≈ 0.70 at ρ = 5.9 g/cm³). */
const GLASS_CHI0 = 0.0095;
const ANNEAL_TAU_MIN = 1.2;
const ANNEAL_DROP_AT_1MIN = 0.38;
const ANNEAL_TC_DROP_AT_1MIN = 0.025;

export const ANNEAL_LEVELS_MIN = [0, 0.5, 1, 5, 8, 10];
export const CRYO_LEVELS_CYCLES = [0, 27, 50];

/** k and y0 such that k + y0 = |χ|(0) and the drop at 1 min is ANNEAL_DROP_AT_1MIN. */
function annealLaw(): { k: number; y0: number; tau: number } {
  const k = (ANNEAL_DROP_AT_1MIN * GLASS_CHI0) / (1 - Math.exp(-1 / ANNEAL_TAU_MIN));
  return { k, y0: GLASS_CHI0 - k, tau: ANNEAL_TAU_MIN };
}

function baseModel(): SuperconductorModel {
  return {
    localTc: { meanK: 3, sigmaLowK: GLASS_SIGMA_K, sigmaHighK: GLASS_SIGMA_K },
    shieldedFraction0: 0.7,
    densityGCm3: GLASS_DENSITY_G_CM3,
    demagN: 0,
    fcFraction: 0.25,
    // Small Pauli-like paramagnetic background, slightly T-dependent.
    backgroundChiEmuPerGOe: 1.5e-6,
    backgroundSlopeEmuPerGOeK: -2e-8,
  };
}

/**
 * σ_FC/σ_ZFC of the generated pieces and of the plot specimens: the study's FC local-Tc distribution
 * is much narrower than the ZFC one. Its mean comes from fcLocalTcSharingOnset (the FC onset stays the ZFC one).
 */
export const FC_WIDTH_RATIO = 0.4;

/** Shift the local-Tc mean so the ZFC onset (at this noise and mass) lands on `onsetK`. */
function placeOnset(model: SuperconductorModel, onsetK: number, noiseEmu: number, massMg: number, fieldOe: number): SuperconductorModel {
  let lo = onsetK - 2;
  let hi = onsetK;
  const withMean = (meanK: number): SuperconductorModel => ({ ...model, localTc: { ...model.localTc, meanK } });
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    const onset = modelTruth(withMean(mid), { mode: 'ZFC', minK: 1.8, maxK: 6, noiseEmu, fieldOe, massMg }).tcOnsetK ?? -Infinity;
    if (onset < onsetK) lo = mid;
    else hi = mid;
  }
  return withMean(0.5 * (lo + hi));
}

/** Set f0 so the noise-free ZFC |χ|(1.8 K) equals `chiAbs` exactly (background included). */
function withChiAt1p8K(model: SuperconductorModel, chiAbs: number): SuperconductorModel {
  const background = model.backgroundChiEmuPerGOe + model.backgroundSlopeEmuPerGOeK * 1.8;
  const perUnitF0 = fractionAboveTc(model.localTc, 1.8) / (4 * Math.PI * model.densityGCm3 * (1 - model.demagN));
  return { ...model, shieldedFraction0: (chiAbs + background) / perUnitF0 };
}

function scaleTc(model: SuperconductorModel, scale: number): SuperconductorModel {
  const d = model.localTc;
  return { ...model, localTc: { meanK: d.meanK * scale, sigmaLowK: d.sigmaLowK * scale, sigmaHighK: d.sigmaHighK * scale } };
}

/**
 * Yield every (level, piece) of a paper-shaped campaign with its ZFC (warming) and FC (cooling)
 * files. Pieces differ in mass, seed and a ±0.5 % piece-to-piece spread of the shielding.
 */
export function* iterateCampaign(kind: CampaignKind, options: CampaignOptions = {}): Generator<CampaignItem> {
  const seed = options.seed ?? 2020;
  const noiseEmu = options.noiseEmu ?? NOISE_EMU;
  const fieldOe = options.fieldOe ?? FIELD_OE;
  const pieces = options.piecesPerLevel ?? 2;
  const rng = createRng(seed);
  const law = annealLaw();
  const glass = placeOnset(withChiAt1p8K(baseModel(), GLASS_CHI0), GLASS_ONSET_K, noiseEmu, 2, fieldOe);
  const levels = campaignLevels(kind);
  let fileIndex = 0;
  for (const level of levels) {
    for (let piece = 1; piece <= pieces; piece++) {
      const massMg = Number((1.8 + 0.6 * rng.next()).toFixed(3));
      let model: SuperconductorModel;
      if (kind === 'CRYSTALLIZED') {
        const crystal: SuperconductorModel = {
          ...glass,
          localTc: { meanK: 4.2, sigmaLowK: GLASS_SIGMA_K / 6, sigmaHighK: GLASS_SIGMA_K / 6 },
          fcFraction: 0.12,
        };
        model = placeOnset(withChiAt1p8K(crystal, 0.0125), CRYSTAL_ONSET_K, noiseEmu, massMg, fieldOe);
      } else {
        const tcScale = levelTcScale(kind, level);
        const chiAbs = kind === 'ANNEAL_453K' ? law.k * Math.exp(-level / law.tau) + law.y0 : GLASS_CHI0 * levelShieldingScale(kind, level);
        model = withChiAt1p8K(scaleTc(glass, tcScale), chiAbs);
      }
      // Bounded (uniform ±0.5 %) so no piece strays far from the level's law.
      model = { ...model, shieldedFraction0: model.shieldedFraction0 * (1 + 0.01 * (rng.next() - 0.5)) };
      // The FC (Meissner-expelling) regions get their own, narrower local-Tc distribution, as the
      // study found, placed so the FC sweep leaves the baseline where the ZFC one does, at this
      // piece's mass and noise (why: fcLocalTcSharingOnset). With ZFC's own, an FC file's fit repeated the ZFC one.
      model = { ...model, fcLocalTc: fcLocalTcSharingOnset(model, FC_WIDTH_RATIO, { minK: 1.8, maxK: 6, noiseEmu, fieldOe, massMg }) };
      const sampleCode = `LA75-${kind === 'CRYSTALLIZED' ? 'X' : kind === 'ANNEAL_453K' ? 'A' : 'C'}${String(level).replace('.', 'p')}-P${piece}`;
      const format = options.format && options.format !== 'rotate' ? options.format : MPMS_FORMATS[fileIndex++ % MPMS_FORMATS.length];
      // The sharp crystalline transition is scanned more densely so its width is resolved.
      const stepK = kind === 'CRYSTALLIZED' ? 0.004 : 0.01;
      const common = { fieldOe, massMg, noiseEmu, stepK, sampleName: sampleCode };
      const zfc = writeMpmsFile(format, model, { ...common, mode: 'ZFC', direction: 'up', seed: seed * 1000 + fileIndex * 10 + piece });
      const fc = writeMpmsFile(format, model, { ...common, mode: 'FC', direction: 'down', seed: seed * 1000 + fileIndex * 10 + piece + 5 });
      yield { kind, level, piece, sampleCode, massMg, model, zfc, fc };
    }
  }
}

export function campaignLevels(kind: CampaignKind): number[] {
  return kind === 'ANNEAL_453K' ? [...ANNEAL_LEVELS_MIN] : kind === 'CRYO_CYCLES' ? [...CRYO_LEVELS_CYCLES] : [0];
}

/** Local-Tc scale: anneal −2.5 % at 1 min saturating with τ; cryo +1 % towards saturation over ~25 cycles. */
function levelTcScale(kind: CampaignKind, level: number): number {
  if (kind === 'ANNEAL_453K') return 1 - (ANNEAL_TC_DROP_AT_1MIN * (1 - Math.exp(-level / ANNEAL_TAU_MIN))) / (1 - Math.exp(-1 / ANNEAL_TAU_MIN));
  if (kind === 'CRYO_CYCLES') return 1 + 0.012 * (1 - Math.exp(-level / 25));
  return 1;
}

/** |χ|(1.8 K) relative to as-quenched: cryo cycling rejuvenates, up to ≈ +9 %. */
function levelShieldingScale(kind: CampaignKind, level: number): number {
  if (kind === 'CRYO_CYCLES') return 1 + 0.1 * (1 - Math.exp(-level / 25));
  if (kind === 'ANNEAL_453K') {
    const law = annealLaw();
    return (law.k * Math.exp(-level / law.tau) + law.y0) / GLASS_CHI0;
  }
  return 1;
}

/** The whole campaign at once, with the parameters that generated it. */
export function magneticCampaign(kind: CampaignKind, options: CampaignOptions = {}): MagneticCampaign {
  const levels = campaignLevels(kind);
  const law = annealLaw();
  const generating: CampaignGenerating = {
    tcScaleByLevel: levels.map((l) => levelTcScale(kind, l)),
    shieldingScaleByLevel: levels.map((l) => levelShieldingScale(kind, l)),
    ...(kind === 'ANNEAL_453K' ? { tauMin: law.tau, kEmuPerGOe: law.k, y0EmuPerGOe: law.y0 } : {}),
  };
  const factor = kind === 'ANNEAL_453K' ? 'anneal hold at 453 K (min)' : kind === 'CRYO_CYCLES' ? 'cryo cycles 77 K / 293 K' : 'crystallized control (513 K)';
  return { kind, factor, levels, generating, items: [...iterateCampaign(kind, options)] };
}
