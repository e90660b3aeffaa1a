/**
 * Files holding several segments, from the virtual magnetometers with known truth: ZFC then FC in
 * one file (MPMS3 VSM, MPMS3 DC-scan, MPMS-XL), sweeps at two fields, χ(T) beside an M(H) loop.
 */
import {
  GLASS_RIBBON_MODEL,
  localTcMoments,
  writeMpmsSequence,
  type MpmsFormat,
  type SequenceOptions,
  type SuperconductorModel,
} from '../../../instruments/src/mpms';
import { analyzeFile } from '../analyze-file';
import type { MagneticFileMetrics } from './magnetic.types';
import { modeNamed, splitSegments } from './segments';

/** The everyday glass ribbon with a symmetric local-Tc distribution. */
const MODEL: SuperconductorModel = { ...GLASS_RIBBON_MODEL, localTc: { meanK: 3.45, sigmaLowK: 0.1, sigmaHighK: 0.1 } };
const NOISE_EMU = 1e-7;
const TRUTH = localTcMoments(MODEL.localTc);

function analyse(format: MpmsFormat, options: SequenceOptions, bag: Record<string, unknown> = {}) {
  const file = writeMpmsSequence(format, MODEL, options);
  const r = analyzeFile(new TextEncoder().encode(file.text), { technique: 'MAGNETIC', densityGCm3: MODEL.densityGCm3, ...bag });
  return { file, r };
}

const metricsOf = (r: ReturnType<typeof analyse>['r']): MagneticFileMetrics => {
  if (!r.ok) throw r.error;
  return r.value.metrics as unknown as MagneticFileMetrics;
};

describe('one file holding the ZFC and then the FC sweep', () => {
  // VSM writes a "ZFC, 20" comment row before each sweep; DC-scan writes none (labels from the
  // sweep direction); MPMS-XL measures FC warming after field cooling (labels from the order).
  const layouts: [MpmsFormat, 'comment' | 'direction' | 'order'][] = [
    ['MPMS3_VSM', 'comment'],
    ['MPMS3_DC', 'direction'],
    ['MPMS_XL', 'order'],
  ];
  describe.each(layouts)('%s (FC told by %s)', (format, fcFrom) => {
    const { file, r } = analyse(format, {
      seed: 11,
      massMg: 2,
      segments: [
        { mode: 'ZFC', direction: 'up', fieldOe: 20, noiseEmu: NOISE_EMU, ...(fcFrom === 'comment' && { comment: 'ZFC, 20' }) },
        { mode: 'FC', direction: fcFrom === 'order' ? 'up' : 'down', fieldOe: 20, noiseEmu: NOISE_EMU, ...(fcFrom === 'comment' && { comment: 'FC, 20' }) },
      ],
    });
    const m = metricsOf(r);
    const [zfcTruth, fcTruth] = file.truths;

    it('reports two segments: the ZFC headline and its FC partner', () => {
      expect(m.segments.map((s) => [s.kind, s.mode, s.role, s.points])).toEqual([
        ['M(T)', 'ZFC', 'headline', file.sweeps[0].temperatureK.length],
        ['M(T)', 'FC', 'partner', file.sweeps[1].temperatureK.length],
      ]);
      expect(m.segments[1].modeFrom).toBe(fcFrom);
    });

    it('χ(1.8 K) of the ZFC segment within 2 % (the merged sweep gave about half), FC/ZFC within 0.01', () => {
      expect(Math.abs(m.chiMass1p8K! / zfcTruth!.chiMass1p8K - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.fcZfcRatio! - zfcTruth!.fcZfcRatio)).toBeLessThan(0.01);
      expect(Math.abs(m.segments[1].chiMass1p8K! / fcTruth!.chiMass1p8K - 1)).toBeLessThan(0.02);
    });

    it('the local-Tc distribution: μ within 0.03 K and σ within 10 % for ZFC and FC; σ_FC/σ_ZFC ≈ 1 as modelled', () => {
      for (const d of [m.tcDistribution, m.fcTcDistribution!]) {
        expect(Math.abs(d.muK! - TRUTH.meanK)).toBeLessThan(0.03);
        expect(Math.abs(d.sigmaK! / TRUTH.stdK - 1)).toBeLessThan(0.1);
        expect(Math.abs(d.meanK - TRUTH.meanK)).toBeLessThan(0.03);
        expect(Math.abs(d.stdK / TRUTH.stdK - 1)).toBeLessThan(0.1);
        expect(d.truncated).toBe(false);
        expect(d.chi2PerDof!).toBeGreaterThan(0.7);
        expect(d.chi2PerDof!).toBeLessThan(1.5);
      }
      expect(Math.abs(m.fcZfcWidthRatio! - 1)).toBeLessThan(0.1);
      expect(m.fcZfcWidthRatioErr!).toBeGreaterThan(0);
    });
  });
});

describe('an FC sweep narrower than its ZFC (the model gives FC its own local-Tc distribution)', () => {
  const model: SuperconductorModel = { ...MODEL, fcLocalTc: { meanK: 3.45, sigmaLowK: 0.04, sigmaHighK: 0.04 } };
  const file = writeMpmsSequence('MPMS3_VSM', model, {
    seed: 12,
    massMg: 2,
    segments: [
      { mode: 'ZFC', direction: 'up', fieldOe: 20, noiseEmu: NOISE_EMU, comment: 'ZFC, 20' },
      { mode: 'FC', direction: 'down', fieldOe: 20, noiseEmu: NOISE_EMU, comment: 'FC, 20' },
    ],
  });
  const r = analyzeFile(new TextEncoder().encode(file.text), { technique: 'MAGNETIC', densityGCm3: model.densityGCm3 });
  const m = metricsOf(r);
  const fc = localTcMoments(model.fcLocalTc!);

  it('recovers σ_FC within 10 % and μ_FC within 0.03 K of the FC truth, and σ_FC/σ_ZFC within 10 % of the modelled 0.4', () => {
    const d = m.fcTcDistribution!;
    expect(Math.abs(d.muK! - fc.meanK)).toBeLessThan(0.03);
    expect(Math.abs(d.sigmaK! / fc.stdK - 1)).toBeLessThan(0.1);
    expect(Math.abs(m.tcDistribution.sigmaK! / TRUTH.stdK - 1)).toBeLessThan(0.1);
    expect(Math.abs(m.fcZfcWidthRatio! / (fc.stdK / TRUTH.stdK) - 1)).toBeLessThan(0.1);
    expect(Math.abs(m.fcZfcRatio! - file.truths[0]!.fcZfcRatio)).toBeLessThan(0.01);
  });

  it('the FC truth follows the FC distribution (FWHM of dχ/dT √(8 ln 2) σ_FC)', () => {
    expect(file.truths[1]!.widthFwhmK).toBeCloseTo(Math.sqrt(8 * Math.LN2) * 0.04, 9);
    expect(file.truths[0]!.widthFwhmK).toBeCloseTo(Math.sqrt(8 * Math.LN2) * 0.1, 9);
  });
});

describe('sweeps at two fields in one file', () => {
  const options: SequenceOptions = {
    seed: 5,
    massMg: 2,
    segments: [
      { mode: 'ZFC', direction: 'up', fieldOe: 20, noiseEmu: NOISE_EMU, comment: 'ZFC, 20' },
      { mode: 'FC', direction: 'down', fieldOe: 20, noiseEmu: NOISE_EMU },
      { mode: 'ZFC', direction: 'up', fieldOe: 100, noiseEmu: NOISE_EMU, comment: 'ZFC, 100' },
      { mode: 'FC', direction: 'down', fieldOe: 100, noiseEmu: NOISE_EMU },
    ],
  };

  it('fails without fieldOe, naming the fields found', () => {
    const { r } = analyse('MPMS3_VSM', options);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect((r.error as { code: string }).code).toBe('MISSING_PARAMETER');
    expect(r.error.message).toMatch(/χ\(T\) at 20 Oe \(ZFC, FC\) and χ\(T\) at 100 Oe \(ZFC, FC\).*fieldOe/);
  });

  it('with fieldOe = 100 analyses the 100 Oe pair and reports all four segments', () => {
    const { file, r } = analyse('MPMS3_VSM', options, { fieldOe: 100 });
    const m = metricsOf(r);
    expect(m.fieldOe).toBeCloseTo(100, 6);
    expect(Math.abs(m.chiMass1p8K! / file.truths[2]!.chiMass1p8K - 1)).toBeLessThan(0.02);
    expect(m.segments.map((s) => `${s.mode}@${s.fieldOe}:${s.role}`)).toEqual(['ZFC@20:other', 'FC@20:other', 'ZFC@100:headline', 'FC@100:partner']);
    // The 20 Oe segments are analysed on their own too.
    expect(Math.abs(m.segments[0].chiMass1p8K! / file.truths[0]!.chiMass1p8K - 1)).toBeLessThan(0.02);
  });

  it('a field the file does not hold fails, naming what it holds', () => {
    const { r } = analyse('MPMS3_VSM', options, { fieldOe: 50 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/fieldOe is 50 Oe but this file holds .*20 Oe.*100 Oe/);
  });
});

describe('χ(T) mixed with an M(H) loop', () => {
  const options: SequenceOptions = {
    seed: 8,
    massMg: 2,
    segments: [
      { mode: 'ZFC', direction: 'up', fieldOe: 20, noiseEmu: NOISE_EMU },
      { mode: 'FC', direction: 'down', fieldOe: 20, noiseEmu: NOISE_EMU },
      { kind: 'loop', temperatureK: 2, maxFieldOe: 70000, points: 141, noiseEmu: 1e-6 },
    ],
  };

  it('fails without fieldOe, naming the χ(T) field and the loop', () => {
    const { r } = analyse('MPMS3_DC', options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/χ\(T\) at 20 Oe \(ZFC, FC\) and M\(H\) loop -70000…70000 Oe at 2\.0 K/);
  });

  it('with fieldOe = 20 analyses the χ(T) pair and lists the loop as a segment', () => {
    const { file, r } = analyse('MPMS3_DC', options, { fieldOe: 20 });
    const m = metricsOf(r);
    expect(Math.abs(m.chiMass1p8K! / file.truths[0]!.chiMass1p8K - 1)).toBeLessThan(0.02);
    expect(m.segments.map((s) => s.kind)).toEqual(['M(T)', 'M(T)', 'M(H)']);
    expect(m.segments[2]).toMatchObject({ fieldMinOe: -70000, fieldMaxOe: 70000, points: 141, mode: null, tcDistribution: null });
  });
});

describe('header mass of zero', () => {
  it('says the mass is zero and how to give it', () => {
    const { r } = analyse('MPMS_XL', {
      seed: 2,
      massMg: 2,
      weightText: '0.000',
      segments: [{ mode: 'ZFC', direction: 'up', fieldOe: 20, noiseEmu: NOISE_EMU }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/sample mass is zero in the file header \(WEIGHT = 0\.000\).*massMg.*massG/);
  });
});

describe('splitSegments labels', () => {
  const ramp = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

  it('a warming sweep after cooling at zero field is ZFC; after cooling in the field, FC', () => {
    const t = [...ramp(10, 2, 30), ...ramp(2, 10, 30), ...ramp(10, 2, 30), ...ramp(2, 10, 30)];
    const h = [...Array(30).fill(0), ...Array(30).fill(50), ...Array(30).fill(50), ...Array(30).fill(50)];
    const s = splitSegments({ temperatureK: t, fieldOe: h });
    expect(s.map((x) => [x.direction, x.fieldOe, x.mode, x.modeFrom])).toEqual([
      ['down', 0, null, null],
      ['up', 50, 'ZFC', 'cooling'],
      ['down', 50, 'FC', 'direction'],
      ['up', 50, 'FC', 'cooling'],
    ]);
  });

  it('one sweep takes the measurement mode, then a header text, before its place in the file', () => {
    const t = ramp(2, 6, 40);
    const h = Array(40).fill(20);
    expect(splitSegments({ temperatureK: t, fieldOe: h, mode: 'FC' })[0]).toMatchObject({ mode: 'FC', modeFrom: 'condition' });
    expect(splitSegments({ temperatureK: t, fieldOe: h, hints: ['pb6051_FC_0p1T.dc.dat'] })[0]).toMatchObject({ mode: 'FC', modeFrom: 'header' });
    expect(splitSegments({ temperatureK: t, fieldOe: h, hints: ['ZFC/FC sequence'] })[0]).toMatchObject({ mode: 'ZFC', modeFrom: 'order' });
  });

  it('modeNamed tells ZFC from the FC inside it', () => {
    expect(['ZFC, 100', 'zfc_20oe.seq', 'zero-field cooled', 'FC, 100', 'fcw sweep', 'field cooled', 'ZFC/FC', 'Tc scan'].map(modeNamed)).toEqual([
      'ZFC',
      'ZFC',
      'ZFC',
      'FC',
      'FC',
      'FC',
      null,
      null,
    ]);
  });
});
