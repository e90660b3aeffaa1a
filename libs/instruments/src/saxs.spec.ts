import { parseSaxs } from '../../analysis/src/saxs/saxs.parser';
import { laAlSaxsModel, saxsModelIntensity, SaxsFormat, virtualSaxs } from './saxs';

describe('virtual SAXS instrument', () => {
  it('homogeneous model is an exact power law (slope −3); the bump variant adds +25 % at 0.06 Å⁻¹', () => {
    const m = laAlSaxsModel(false);
    const slope = Math.log(saxsModelIntensity(m, 0.1) / saxsModelIntensity(m, 0.01)) / Math.log(10);
    expect(slope).toBeCloseTo(-3, 12);
    const b = laAlSaxsModel(true);
    expect(saxsModelIntensity(b, 0.06) / saxsModelIntensity(m, 0.06)).toBeCloseTo(1.25, 12);
    expect(virtualSaxs(b).truth).toEqual({ slope: -3, powerLawN: 3, backgroundB: 0, homogeneous: false, bumpQInvA: 0.06 });
  });

  it('is reproducible from its seed', () => {
    expect(virtualSaxs(laAlSaxsModel(), { seed: 3 }).text).toBe(virtualSaxs(laAlSaxsModel(), { seed: 3 }).text);
    expect(virtualSaxs(laAlSaxsModel(), { seed: 3 }).text).not.toBe(virtualSaxs(laAlSaxsModel(), { seed: 4 }).text);
  });

  it.each([
    ['q-i-sigma', 'q-i-sigma', true],
    ['q-i', 'q-i', false],
    ['q-i-sigma-nm', 'q-i-sigma', true],
    ['rkh', 'rkh-colette', true],
    ['4col', 'q-i-4col', false],
  ] as [SaxsFormat, string, boolean][])('writes %s, read back as %s with 150 points from 0.005 to 0.3 Å⁻¹', (format, parsedAs, hasSigma) => {
    const p = parseSaxs(virtualSaxs(laAlSaxsModel(), { format }).bytes);
    if (!p.ok) throw p.error;
    expect(p.value.format).toBe(parsedAs);
    expect(p.value.qInvA).toHaveLength(150);
    expect(p.value.qInvA[0]).toBeCloseTo(0.005, 6);
    expect(p.value.qInvA[149]).toBeCloseTo(0.3, 5);
    expect(p.value.sigma !== undefined).toBe(hasSigma);
  });
});
