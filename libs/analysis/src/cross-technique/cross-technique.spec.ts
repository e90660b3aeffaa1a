/**
 * The cross-technique comparison of one piece against the virtual instruments' known truth: a ZFC
 * χ(T) sweep of a known local-Tc distribution (virtual MPMS3) and an R(T) run of a known resistive
 * Tc (virtual PPMS), both analysed through the registry as the worker does.
 */
import { fractionAboveTc, writeMpmsFile, type SuperconductorModel } from '../../../instruments/src/mpms';
import { GLASS_RIBBON, simulatePpms } from '../../../instruments/src/ppms';
import type { MagneticFileMetrics } from '../magnetic/magnetic.types';
import type { ResistanceMetrics } from '../resistance/analyze-resistance';
import { TECHNIQUE_REGISTRY } from '../techniques';
import { crossTechnique } from './cross-technique';

const MODEL: SuperconductorModel = {
  localTc: { meanK: 3.3, sigmaLowK: 0.18, sigmaHighK: 0.18 },
  shieldedFraction0: 0.7,
  densityGCm3: 5.9,
  demagN: 0,
  fcFraction: 0.25,
  backgroundChiEmuPerGOe: 1.5e-6,
  backgroundSlopeEmuPerGOeK: -2e-8,
};
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function analysed<M>(technique: 'MAGNETIC' | 'RESISTANCE', text: string, bag: Record<string, unknown>) {
  const out = TECHNIQUE_REGISTRY.get(technique).analyzeBytes(bytes(text), bag);
  if (!out.ok) throw out.error;
  return { runId: `${technique}-run`, analyzer: out.value.analyzer, analyzerVersion: out.value.analyzerVersion, metrics: out.value.metrics as M };
}

describe('a piece with a ZFC sweep and a resistance run', () => {
  const zfcFile = writeMpmsFile('MPMS3_VSM', MODEL, { mode: 'ZFC', direction: 'up', fieldOe: 20, massMg: 2.1, noiseEmu: 5e-8, stepK: 0.01, seed: 7 });
  const ppms = simulatePpms({ seed: 3, model: { ...GLASS_RIBBON, tc0K: 3.62 } });
  const zfc = analysed<MagneticFileMetrics>('MAGNETIC', zfcFile.text, { massG: 0.0021 });
  const resistance = analysed<ResistanceMetrics>('RESISTANCE', ppms.text, {});
  const x = crossTechnique({ zfc, resistance });

  it('places the resistive Tc in the χ distribution as the truth does: z within 0.2, the shielding fraction within 15 %', () => {
    const trueZ = (ppms.truth.tcK - 3.3) / 0.18;
    const trueFraction = fractionAboveTc(MODEL.localTc, ppms.truth.tcK) / fractionAboveTc(MODEL.localTc, 1.8);
    expect(x.missing).toEqual([]);
    expect(Math.abs(x.tcResistiveZ! - trueZ)).toBeLessThan(0.2);
    expect(x.tcResistiveZErr!).toBeGreaterThan(0);
    expect(x.tcResistiveZErr!).toBeLessThan(0.2);
    // R sees the most superconductive path: Tc_R lies ≈ 1.8 σ above μ, where ≈ 4 % of the volume shields.
    expect(trueFraction).toBeGreaterThan(0.02);
    expect(trueFraction).toBeLessThan(0.06);
    expect(Math.abs(x.shieldingAtTcResistiveFraction! / trueFraction - 1)).toBeLessThan(0.15);
  });

  it('gives the width ratio χ(10–90 %) / R(10–90 %) within 10 % of the truths', () => {
    const trueRatio = zfcFile.truth.width1090K! / ppms.truth.width1090K;
    expect(trueRatio).toBeGreaterThan(20);
    expect(Math.abs(x.widthRatio! / trueRatio - 1)).toBeLessThan(0.1);
  });

  it('names the runs and analyzer versions it combined', () => {
    expect(x.combined).toEqual({
      zfc: { runId: 'MAGNETIC-run', analyzer: 'magnetic', analyzerVersion: TECHNIQUE_REGISTRY.get('MAGNETIC').analyzer.version },
      resistance: { runId: 'RESISTANCE-run', analyzer: 'resistance', analyzerVersion: TECHNIQUE_REGISTRY.get('RESISTANCE').analyzer.version },
    });
  });

  it('says what is missing when one side is absent, with every number null', () => {
    const onlyZfc = crossTechnique({ zfc });
    expect(onlyZfc.missing).toEqual(['no successful resistance analysis of this piece']);
    expect(onlyZfc.combined.resistance).toBeNull();
    expect([onlyZfc.tcResistiveZ, onlyZfc.shieldingAtTcResistiveFraction, onlyZfc.widthRatio]).toEqual([null, null, null]);
    expect(onlyZfc.muK).toBeCloseTo(x.muK!, 10);
    const onlyR = crossTechnique({ resistance });
    expect(onlyR.missing).toEqual(['no successful ZFC magnetic analysis of this piece']);
    expect(onlyR.tcResistiveK).toBeCloseTo(ppms.truth.tcK, 2);
  });

  it('says which side lacks a number (a ZFC run without a distribution fit)', () => {
    const noFit = { ...zfc, metrics: { ...zfc.metrics, tcDistribution: { ...zfc.metrics.tcDistribution, muK: null, sigmaK: null } } };
    const y = crossTechnique({ zfc: noFit, resistance });
    expect(y.missing).toEqual(['the ZFC analysis has no Gaussian local-Tc fit (tcDistribution.muK/sigmaK)']);
    expect(y.tcResistiveZ).toBeNull();
    expect(y.widthRatio).toBeCloseTo(x.widthRatio!, 10);
  });
});
