import { ANNEAL_LEVELS_MIN, CRYO_LEVELS_CYCLES, FC_WIDTH_RATIO, iterateCampaign, magneticCampaign } from './campaign';
import { MPMS_FORMATS } from './mpms-writers';

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('paper-shaped magnetic campaigns (truth side)', () => {
  const anneal = magneticCampaign('ANNEAL_453K');
  const cryo = magneticCampaign('CRYO_CYCLES');
  const crystal = magneticCampaign('CRYSTALLIZED');
  const atLevel = (c: typeof anneal, level: number) => c.items.filter((i) => i.level === level);

  it('yields 2 pieces per level with ZFC and FC files, distinct masses and seeds, all four writers', () => {
    expect(anneal.levels).toEqual(ANNEAL_LEVELS_MIN);
    expect(cryo.levels).toEqual(CRYO_LEVELS_CYCLES);
    expect(anneal.items).toHaveLength(12);
    expect(crystal.items).toHaveLength(2);
    for (const level of anneal.levels) {
      const pieces = atLevel(anneal, level);
      expect(pieces.map((p) => p.piece)).toEqual([1, 2]);
      expect(pieces[0].massMg).not.toBe(pieces[1].massMg);
      expect(pieces[0].zfc.text).not.toBe(pieces[1].zfc.text);
      for (const p of pieces) {
        expect(p.zfc.mode).toBe('ZFC');
        expect(p.fc.mode).toBe('FC');
        expect(p.massMg).toBeGreaterThan(1.7);
        expect(p.massMg).toBeLessThan(2.5);
      }
    }
    expect(new Set(anneal.items.map((i) => i.zfc.format))).toEqual(new Set(MPMS_FORMATS));
    expect(new Set(anneal.items.map((i) => i.zfc.fileName)).size).toBe(12);
    expect([...iterateCampaign('ANNEAL_453K', { format: 'MPMS_XL', piecesPerLevel: 1 })].map((i) => i.zfc.format)).toEqual(Array(6).fill('MPMS_XL'));
  });

  it('is reproducible from its seed', () => {
    expect(magneticCampaign('CRYSTALLIZED').items[0].zfc.text).toBe(crystal.items[0].zfc.text);
    expect(magneticCampaign('CRYSTALLIZED', { seed: 7 }).items[0].zfc.text).not.toBe(crystal.items[0].zfc.text);
  });

  it('glass onset ≈ 3.6 K, crystal ≈ 4.3 K with a 6× narrower transition, FC/ZFC ≈ 25 %', () => {
    const glass = atLevel(anneal, 0);
    expect(mean(glass.map((i) => i.zfc.truth.tcOnsetK as number))).toBeCloseTo(3.6, 1);
    expect(Math.abs(mean(glass.map((i) => i.zfc.truth.tcOnsetK as number)) - 3.6)).toBeLessThan(0.02);
    expect(Math.abs(mean(crystal.items.map((i) => i.zfc.truth.tcOnsetK as number)) - 4.3)).toBeLessThan(0.02);
    const ratio = (glass[0].zfc.truth.widthFwhmK as number) / (crystal.items[0].zfc.truth.widthFwhmK as number);
    expect(ratio).toBeCloseTo(6, 1);
    for (const i of [...anneal.items, ...cryo.items]) expect(Math.abs(i.zfc.truth.fcZfcRatio - 0.25)).toBeLessThan(0.005);
  });

  it('anneal: |χ|(1.8 K) follows k·exp(−t/τ) + y0 with −38 % at 1 min; Tc,mid −2.5 % at 1 min', () => {
    const { tauMin, kEmuPerGOe, y0EmuPerGOe } = anneal.generating;
    const law = (t: number): number => (kEmuPerGOe as number) * Math.exp(-t / (tauMin as number)) + (y0EmuPerGOe as number);
    expect(1 - law(1) / law(0)).toBeCloseTo(0.38, 10);
    for (const i of anneal.items) {
      // ±0.5 % piece-to-piece spread in shielding on top of the law.
      expect(Math.abs(Math.abs(i.zfc.truth.chiMass1p8K) / law(i.level) - 1)).toBeLessThan(0.006);
    }
    const mid = (level: number) => mean(atLevel(anneal, level).map((i) => i.zfc.truth.tcMidK as number));
    expect(mid(1) / mid(0) - 1).toBeCloseTo(-0.025, 3);
    expect(anneal.generating.tcScaleByLevel[2]).toBeCloseTo(0.975, 12);
  });

  it('FC: its own local-Tc distribution, FC_WIDTH_RATIO × the ZFC widths, higher, with the FC onset on the ZFC one', () => {
    expect(FC_WIDTH_RATIO).toBe(0.4);
    for (const i of [...anneal.items, ...cryo.items, ...crystal.items]) {
      const { localTc, fcLocalTc } = i.model;
      expect(fcLocalTc!.sigmaLowK).toBeCloseTo(FC_WIDTH_RATIO * localTc.sigmaLowK, 12);
      expect(fcLocalTc!.sigmaHighK).toBeCloseTo(FC_WIDTH_RATIO * localTc.sigmaHighK, 12);
      expect(fcLocalTc!.meanK).toBeGreaterThan(localTc.meanK);
      expect(i.fc.truth.widthFwhmK as number).toBeCloseTo(FC_WIDTH_RATIO * (i.zfc.truth.widthFwhmK as number), 9);
      // Each file's truth is over its own recorded temperatures, so the two agree to well under the 0.01 K step.
      expect(Math.abs((i.fc.truth.tcOnsetK as number) - (i.zfc.truth.tcOnsetK as number))).toBeLessThan(1e-3);
    }
  });

  it('cryo-cycling raises Tc and shielding monotonically', () => {
    const onset = cryo.levels.map((l) => mean(atLevel(cryo, l).map((i) => i.zfc.truth.tcMidK as number)));
    const f = cryo.levels.map((l) => mean(atLevel(cryo, l).map((i) => i.zfc.truth.shieldingFraction1p8K)));
    expect(onset[1]).toBeGreaterThan(onset[0]);
    expect(onset[2]).toBeGreaterThan(onset[1]);
    expect(f[1]).toBeGreaterThan(f[0] * 1.03);
    expect(f[2]).toBeGreaterThan(f[1]);
    expect(cryo.generating.tauMin).toBeUndefined();
  });
});
