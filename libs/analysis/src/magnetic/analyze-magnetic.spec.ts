import * as fc from 'fast-check';

import { writeMpmsFile, type MpmsWriteOptions, type SuperconductorModel, type VirtualMagneticFile } from '../../../instruments/src/mpms';
import { expectZfcTruth } from '../../../../test/setup/magnetic-checks';
import type { MagneticSweep } from '../core/types';
import { analyzeMagnetic } from './analyze-magnetic';
import { ANALYZER } from './index';

const DENSITY = 5.9;
const glass: SuperconductorModel = {
  localTc: { meanK: 3.05, sigmaLowK: 0.18, sigmaHighK: 0.18 },
  shieldedFraction0: 0.7,
  densityGCm3: DENSITY,
  demagN: 0,
  fcFraction: 0.25,
  backgroundChiEmuPerGOe: 2e-6,
  backgroundSlopeEmuPerGOeK: -1e-7,
};
const skewed: SuperconductorModel = { ...glass, localTc: { meanK: 3.1, sigmaLowK: 0.3, sigmaHighK: 0.12 } };
const crystal: SuperconductorModel = { ...glass, localTc: { meanK: 4.2, sigmaLowK: 0.03, sigmaHighK: 0.03 }, shieldedFraction0: 0.93, fcFraction: 0.12 };

/** Full ZFC moment of a 2 mg sample at 20 Oe, emu: the scale the relative noise levels refer to. */
const FULL_MOMENT_EMU = (0.7 / (4 * Math.PI * DENSITY)) * 20 * 2e-3;

const asSweep = (f: VirtualMagneticFile): MagneticSweep => ({ ...f.sweep, massMg: f.massMg, momentColumn: 'Moment (emu)' });

function pair(
  model: SuperconductorModel,
  plan: Partial<MpmsWriteOptions> & { noiseEmu: number; seed: number },
): { zfc: VirtualMagneticFile; fc: VirtualMagneticFile } {
  const base = { fieldOe: 20, massMg: 2, stepK: 0.01, direction: 'up' as const, ...plan };
  return {
    zfc: writeMpmsFile('MPMS3_VSM', model, { ...base, mode: 'ZFC' }),
    fc: writeMpmsFile('MPMS3_VSM', model, { ...base, mode: 'FC', seed: plan.seed + 1 }),
  };
}

describe('analyzeMagnetic against the MPMS virtual instrument', () => {
  const cases: [string, SuperconductorModel, number][] = [
    ['glass', glass, 0.01],
    ['skewed glass', skewed, 0.01],
    ['crystal (0.004 K steps)', crystal, 0.004],
  ];
  for (const [name, model, stepK] of cases) {
    for (const relNoise of [1e-4, 1e-3, 3e-3]) {
      for (const direction of ['up', 'down'] as const) {
        it(`${name}, noise ${relNoise} of full signal, sweep ${direction}: recovers truth`, () => {
          for (const seed of [11, 12, 13]) {
            const { zfc, fc } = pair(model, { noiseEmu: relNoise * FULL_MOMENT_EMU, seed, direction, stepK, repeatEvery: 41 });
            const r = analyzeMagnetic(asSweep(zfc), { massG: 2e-3, densityGCm3: DENSITY, fc: asSweep(fc) });
            if (!r.ok) throw r.error;
            const m = r.value.metrics;
            const t = zfc.truth;
            expectZfcTruth(m, t);
            expect(Math.abs((m.width1090K as number) / (t.width1090K as number) - 1)).toBeLessThan(0.05);
            expect(Math.abs((m.shieldingFraction1p8K as number) / t.shieldingFraction1p8K - 1)).toBeLessThan(0.01);
            // The noise estimate is the baseline residual std: it must match the simulated noise in χ units.
            const noiseChi = (relNoise * FULL_MOMENT_EMU) / (20 * 2e-3);
            expect(m.noiseEmuPerGOe / noiseChi).toBeGreaterThan(0.8);
            expect(m.noiseEmuPerGOe / noiseChi).toBeLessThan(1.2);
            expect(m.fieldOe).toBe(20);
          }
        });
      }
    }
  }

  it("stores the FC sweep's own dχ/dT beside the ZFC one, peaking at the FC local-Tc distribution", () => {
    const { zfc, fc } = pair(glass, { noiseEmu: 1e-3 * FULL_MOMENT_EMU, seed: 11 });
    const r = analyzeMagnetic(asSweep(zfc), { massG: 2e-3, densityGCm3: DENSITY, fc: asSweep(fc) });
    if (!r.ok) throw r.error;
    const { dChiDt, dChiDtFc } = r.value.curves!;
    expect(dChiDtFc.y.length).toBeGreaterThan(10);
    expect(dChiDtFc.yLabel).toBe('dχ/dT FC (emu/g/Oe/K)');
    const peakAt = (c: { x: number[]; y: number[] }) => c.x[c.y.indexOf(Math.max(...c.y))];
    const d = r.value.metrics.fcTcDistribution!;
    expect(Math.abs(peakAt(dChiDtFc) - (d.muK as number))).toBeLessThan(2 * (d.sigmaK as number));
    // FC shields less than ZFC: its derivative's peak is lower (it is not the ZFC curve again).
    expect(Math.max(...dChiDtFc.y)).toBeLessThan(0.9 * Math.max(...dChiDt.y));
  });

  it('is independent of point order and merges repeated temperatures', () => {
    const { zfc } = pair(glass, { noiseEmu: 1e-3 * FULL_MOMENT_EMU, seed: 5, repeatEvery: 7 });
    const sweep = asSweep(zfc);
    const order = sweep.temperatureK.map((_, i) => i).reverse();
    order.push(order.shift() as number);
    const shuffled: MagneticSweep = {
      ...sweep,
      temperatureK: order.map((i) => sweep.temperatureK[i]),
      momentEmu: order.map((i) => sweep.momentEmu[i]),
      fieldOe: order.map((i) => sweep.fieldOe[i]),
    };
    const a = analyzeMagnetic(sweep, { massG: 2e-3 });
    const b = analyzeMagnetic(shuffled, { massG: 2e-3 });
    if (!a.ok || !b.ok) throw new Error('analysis failed');
    for (const key of ['tcOnsetK', 'tcMidK', 'widthFwhmK', 'width1090K', 'chiMass1p8K'] as const) {
      expect(b.value.metrics[key]).toBeCloseTo(a.value.metrics[key] as number, 12);
    }
  });

  it('reports null shielding without density, null FC/ZFC without FC, and scales f with (1 − N)', () => {
    const { zfc } = pair(glass, { noiseEmu: 1e-3 * FULL_MOMENT_EMU, seed: 9 });
    const plain = analyzeMagnetic(asSweep(zfc), { massG: 2e-3 });
    const demag = analyzeMagnetic(asSweep(zfc), { massG: 2e-3, densityGCm3: DENSITY, demagN: 0.2 });
    if (!plain.ok || !demag.ok) throw new Error('analysis failed');
    expect(plain.value.metrics.shieldingFraction1p8K).toBeNull();
    expect(plain.value.metrics.fcZfcRatio).toBeNull();
    const chi = plain.value.metrics.chiMass1p8K as number;
    expect(chi).toBeLessThan(0);
    expect(demag.value.metrics.shieldingFraction1p8K).toBeCloseTo(-4 * Math.PI * DENSITY * chi * 0.8, 12);
    expect(Object.keys(plain.value.metrics).sort()).toEqual(
      [
        'chiMass1p8K',
        'fcTcDistribution',
        'fcZfcRatio',
        'fcZfcWidthRatio',
        'fcZfcWidthRatioErr',
        'fieldOe',
        'noiseEmuPerGOe',
        'shieldingFraction1p8K',
        'tcDistribution',
        'tcMidK',
        'tcOnsetK',
        'width1090K',
        'widthFwhmK',
      ].sort(),
    );
    expect([plain.value.metrics.fcTcDistribution, plain.value.metrics.fcZfcWidthRatio]).toEqual([null, null]);
    expect(plain.value.curves?.chiZfc.x.length).toBeLessThanOrEqual(500);
    expect(plain.value.curves?.dChiDt.y.length).toBeGreaterThan(10);
    // Without an FC partner there is no FC derivative.
    expect(plain.value.curves?.dChiDtFc).toBeUndefined();
  });

  it('uses the fieldOe parameter over the field column', () => {
    const { zfc } = pair(glass, { noiseEmu: 1e-3 * FULL_MOMENT_EMU, seed: 21 });
    const fromFile = analyzeMagnetic(asSweep(zfc), { massG: 2e-3 });
    const overridden = analyzeMagnetic(asSweep(zfc), { massG: 2e-3, fieldOe: 10 });
    if (!fromFile.ok || !overridden.ok) throw new Error('analysis failed');
    expect(overridden.value.metrics.fieldOe).toBe(10);
    expect(overridden.value.metrics.chiMass1p8K).toBeCloseTo(2 * (fromFile.value.metrics.chiMass1p8K as number), 12);
  });

  it('warns and extrapolates when the sweep stops above 1.85 K', () => {
    const { zfc } = pair(glass, { noiseEmu: 1e-3 * FULL_MOMENT_EMU, seed: 4, startK: 1.95 });
    const r = analyzeMagnetic(asSweep(zfc), { massG: 2e-3 });
    if (!r.ok) throw r.error;
    expect(r.value.warnings.join('\n')).toMatch(/above 1\.85 K/);
    expect(Math.abs((r.value.metrics.chiMass1p8K as number) / zfc.truth.chiMass1p8K - 1)).toBeLessThan(0.01);
  });

  it('flags a transition resolved by too few points', () => {
    const { zfc } = pair(crystal, { noiseEmu: 1e-4 * FULL_MOMENT_EMU, seed: 4, stepK: 0.02 });
    const r = analyzeMagnetic(asSweep(zfc), { massG: 2e-3 });
    if (!r.ok) throw r.error;
    expect(r.value.warnings.join('\n')).toMatch(/grid points inside the dχ\/dT FWHM/);
  });

  it('skips non-finite rows with a warning', () => {
    const { zfc } = pair(glass, { noiseEmu: 1e-3 * FULL_MOMENT_EMU, seed: 8 });
    const sweep = asSweep(zfc);
    sweep.momentEmu[10] = NaN;
    sweep.temperatureK[20] = NaN;
    const r = analyzeMagnetic(sweep, { massG: 2e-3 });
    if (!r.ok) throw r.error;
    expect(r.value.warnings.join('\n')).toMatch(/2 points without finite/);
  });
});

describe('analyzeMagnetic errors', () => {
  const { zfc } = pair(glass, { noiseEmu: 1e-3 * FULL_MOMENT_EMU, seed: 1 });
  const sweep = asSweep(zfc);

  it('MISSING_PARAMETER for a mass ≤ 0 or not a number, a bad density or N', () => {
    for (const massG of [0, -1, NaN]) {
      const r = analyzeMagnetic(sweep, { massG });
      expect(!r.ok && r.error.code).toBe('MISSING_PARAMETER');
    }
    const d = analyzeMagnetic(sweep, { massG: 2e-3, densityGCm3: 0 });
    expect(!d.ok && d.error.code).toBe('MISSING_PARAMETER');
    const n = analyzeMagnetic(sweep, { massG: 2e-3, demagN: 1 });
    expect(!n.ok && n.error.code).toBe('MISSING_PARAMETER');
  });

  it('MISSING_PARAMETER when the file has no usable field and none is given', () => {
    const r = analyzeMagnetic({ ...sweep, fieldOe: sweep.fieldOe.map(() => NaN) }, { massG: 2e-3 });
    expect(!r.ok && r.error.code).toBe('MISSING_PARAMETER');
    expect(analyzeMagnetic({ ...sweep, fieldOe: sweep.fieldOe.map(() => NaN) }, { massG: 2e-3, fieldOe: 20 }).ok).toBe(true);
  });

  it('NOT_ENOUGH_DATA for a handful of points', () => {
    const r = analyzeMagnetic({ ...sweep, temperatureK: sweep.temperatureK.slice(0, 10), momentEmu: sweep.momentEmu.slice(0, 10) }, { massG: 2e-3 });
    expect(!r.ok && r.error.code).toBe('NOT_ENOUGH_DATA');
  });

  it('NO_TRANSITION for a normal-state (paramagnetic) sweep', () => {
    const normal = writeMpmsFile(
      'MPMS3_VSM',
      { ...glass, shieldedFraction0: 0 },
      { mode: 'ZFC', direction: 'up', fieldOe: 20, massMg: 2, noiseEmu: 1e-8, seed: 2 },
    );
    const r = analyzeMagnetic(asSweep(normal), { massG: 2e-3 });
    expect(!r.ok && r.error.code).toBe('NO_TRANSITION');
  });

  it('never throws on arbitrary numbers', () => {
    const value = fc.oneof(fc.double(), fc.constant(NaN), fc.constant(0), fc.double({ min: 1.8, max: 6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { maxLength: 120 }), fc.double(), (rows, massG) => {
        const r = analyzeMagnetic(
          { temperatureK: rows.map((x) => x[0]), momentEmu: rows.map((x) => x[1]), fieldOe: rows.map((x) => x[2]), momentColumn: 'Moment (emu)' },
          { massG },
        );
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

it('exports its analyzer name and version', () => {
  expect(ANALYZER).toEqual({ name: 'magnetic', version: '1.3.0' });
});
