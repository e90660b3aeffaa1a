/**
 * The study's numbers (docs/analysis-definitions.md "The science") recovered by analysing paper-shaped campaign files
 * end to end: file text → parseMultiVu → toMagneticSweep → analyzeMagnetic → trends.
 */
import { magneticCampaign, GLASS_DENSITY_G_CM3, type CampaignItem } from '../../../instruments/src/campaign';
import { sweepFromText } from '../../../../test/setup/magnetic-checks';
import { fitExponentialDecay, levelStats } from '../trends/index';
import { analyzeMagnetic } from './analyze-magnetic';
import type { MagneticMetrics } from './magnetic.types';

function analyse(item: CampaignItem): MagneticMetrics {
  const zfc = sweepFromText(item.zfc.text);
  const r = analyzeMagnetic(zfc, { massG: (zfc.massMg as number) / 1000, densityGCm3: GLASS_DENSITY_G_CM3, fc: sweepFromText(item.fc.text) });
  if (!r.ok) throw r.error;
  return r.value.metrics;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('paper-shaped campaigns, analysed from their files', () => {
  const anneal = magneticCampaign('ANNEAL_453K');
  const cryo = magneticCampaign('CRYO_CYCLES');
  const crystal = magneticCampaign('CRYSTALLIZED');
  const annealRows = anneal.items.map((item) => ({ item, m: analyse(item) }));
  const cryoRows = cryo.items.map((item) => ({ item, m: analyse(item) }));
  const crystalRows = crystal.items.map((item) => ({ item, m: analyse(item) }));
  const glassRows = annealRows.filter((r) => r.item.level === 0);

  it('as-quenched glass onset ≈ 3.6 K, crystallized control ≈ 4.3 K', () => {
    const glassOnset = mean(glassRows.map((r) => r.m.tcOnsetK as number));
    const crystalOnset = mean(crystalRows.map((r) => r.m.tcOnsetK as number));
    expect(Math.abs(glassOnset - 3.6)).toBeLessThan(0.05);
    expect(Math.abs(crystalOnset - 4.3)).toBeLessThan(0.05);
  });

  it('the crystalline transition is ≈ 6× narrower (FWHM of dχ/dT)', () => {
    const ratio = mean(glassRows.map((r) => r.m.widthFwhmK as number)) / mean(crystalRows.map((r) => r.m.widthFwhmK as number));
    expect(ratio).toBeGreaterThan(5.4);
    expect(ratio).toBeLessThan(6.6);
  });

  it('FC/ZFC ≈ 25 % for the glass', () => {
    for (const r of [...annealRows, ...cryoRows]) expect(Math.abs((r.m.fcZfcRatio as number) - 0.25)).toBeLessThan(0.02);
  });

  it('1 min at 453 K: |χ|(1.8 K) −38 %, Tc,mid −2.5 %', () => {
    const chi = levelStats(annealRows.map((r) => ({ level: r.item.level, value: Math.abs(r.m.chiMass1p8K as number) })));
    const tc = levelStats(annealRows.map((r) => ({ level: r.item.level, value: r.m.tcMidK as number })));
    const at1 = (s: typeof chi) => s.find((x) => x.level === 1) as (typeof chi)[number];
    expect(at1(chi).changePct).toBeGreaterThan(-40);
    expect(at1(chi).changePct).toBeLessThan(-36);
    expect(at1(tc).changePct).toBeGreaterThan(-2.8);
    expect(at1(tc).changePct).toBeLessThan(-2.2);
    expect(chi.every((s) => s.n === 2)).toBe(true);
  });

  it('τ of |χ|(1.8 K) = k·exp(−t/τ) + y0 is recovered within 10 % from the analysed files', () => {
    const fit = fitExponentialDecay(
      annealRows.map((r) => r.item.level),
      annealRows.map((r) => Math.abs(r.m.chiMass1p8K as number)),
    );
    const g = anneal.generating;
    expect(Math.abs(fit.tau / (g.tauMin as number) - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.k / (g.kEmuPerGOe as number) - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.y0 / (g.y0EmuPerGOe as number) - 1)).toBeLessThan(0.1);
    expect(fit.r2).toBeGreaterThan(0.99);
    expect(fit.tauErr).toBeGreaterThan(0);
  });

  it('cryo-cycling (27, 50 cycles) raises Tc and shielding', () => {
    const tc = levelStats(cryoRows.map((r) => ({ level: r.item.level, value: r.m.tcMidK as number })));
    const f = levelStats(cryoRows.map((r) => ({ level: r.item.level, value: r.m.shieldingFraction1p8K as number })));
    expect(tc.map((s) => s.level)).toEqual([0, 27, 50]);
    expect(tc[1].changePct).toBeGreaterThan(0);
    expect(tc[2].changePct).toBeGreaterThan(tc[1].changePct);
    expect(f[1].changePct).toBeGreaterThan(3);
    expect(f[2].changePct).toBeGreaterThan(f[1].changePct);
  });
});
