import { LA75AL25_DSC, dscModelExoUpWPerG, dscTruth, virtualDscScan } from './dsc';

const FORMATS = ['ta-universal-analysis', 'pyris-ascii', 'netzsch-proteus', 'mettler-stare', 'csv-units'] as const;

/** ∫ f dT / β over [a, b] on a fine grid: an enthalpy in J/g when f is in W/g. */
function enthalpy(f: (tK: number) => number, a: number, b: number): number {
  const h = 0.01;
  let s = 0;
  for (let t = a; t < b; t += h) s += f(t + h / 2) * h;
  return s / (LA75AL25_DSC.heatingRateKPerMin / 60);
}

describe('virtual DSC model', () => {
  it('puts the enthalpies it is given under its peaks', () => {
    const m = { ...LA75AL25_DSC, dhCrystJPerG: 31, dhRelaxJPerG: 2.7 };
    const bare = { ...m, dhCrystJPerG: 0, dhRelaxJPerG: 0 };
    const excess = (tK: number): number => dscModelExoUpWPerG(m, tK) - dscModelExoUpWPerG(bare, tK);
    // The ΔCp that vanishes on crystallization changes the bare curve too, so compare per feature.
    const relax = enthalpy(excess, m.startK, m.relaxEndK + 1);
    expect(relax).toBeCloseTo(2.7, 4);
    const crystOnly = (tK: number): number => dscModelExoUpWPerG(m, tK) - dscModelExoUpWPerG({ ...m, dhCrystJPerG: 0 }, tK);
    expect(enthalpy(crystOnly, 460, m.endK)).toBeCloseTo(31, 2);
  });

  it('has Tg onset ≈ Tg,mid − 2·width (logistic tangent construction) and the first exotherm at 500–510 K', () => {
    const t = dscTruth(LA75AL25_DSC);
    expect(t.tgOnsetK).toBeCloseTo(LA75AL25_DSC.tgMidK - 2 * LA75AL25_DSC.tgWidthK, 1);
    expect(t.tgOnsetK).toBeGreaterThan(473);
    expect(t.tgOnsetK).toBeLessThan(476);
    expect(t.txOnsetK).toBeGreaterThan(495);
    expect(t.txOnsetK).toBeLessThan(t.txPeakK);
    expect(t.txPeakK).toBeGreaterThan(500);
    expect(t.txPeakK).toBeLessThan(520);
  });

  it('shows a heat-capacity step of −β·ΔCp at Tg (exo up)', () => {
    // Crystallization moved out of the way: its leading tail reaches down to Tg + 10 K.
    const m = { ...LA75AL25_DSC, crystTcK: 800 };
    const below = dscModelExoUpWPerG(m, m.tgMidK - 10) + (m.heatingRateKPerMin / 60) * m.cpSlopeJPerGK2 * -10;
    const above = dscModelExoUpWPerG(m, m.tgMidK + 10) + (m.heatingRateKPerMin / 60) * m.cpSlopeJPerGK2 * 10;
    expect(below - above).toBeCloseTo((m.heatingRateKPerMin / 60) * m.dCpJPerGK, 4);
  });
});

describe('virtualDscScan', () => {
  it('is reproducible from its seed and varies with it', () => {
    const a = virtualDscScan({ format: 'csv-units', seed: 5 });
    const b = virtualDscScan({ format: 'csv-units', seed: 5 });
    const c = virtualDscScan({ format: 'csv-units', seed: 6 });
    expect(a.text).toBe(b.text);
    expect(a.text).not.toBe(c.text);
    expect(a.truth).toEqual(b.truth);
  });

  it('adds white noise of the requested size', () => {
    const noisy = virtualDscScan({ format: 'csv-units', seed: 8, noiseWPerG: 1e-3, hookMw: 0, offsetMw: 0, slopeMwPerK: 0 });
    const clean = virtualDscScan({ format: 'csv-units', seed: 8, noiseWPerG: 0, hookMw: 0, offsetMw: 0, slopeMwPerK: 0 });
    const hf = (text: string): number[] =>
      text
        .split('\n')
        .filter((l) => /^\d/.test(l))
        .map((l) => Number(l.split(',')[2]) / 9.52);
    const d = hf(noisy.text).map((v, i) => v - hf(clean.text)[i]);
    const std = Math.sqrt(d.reduce((s, v) => s + v * v, 0) / d.length);
    expect(std).toBeGreaterThan(0.9e-3);
    expect(std).toBeLessThan(1.1e-3);
  });

  it.each(FORMATS)('writes %s with its markers, the exo sign, and a file name', (format) => {
    const up = virtualDscScan({ format, exo: 'up', noiseWPerG: 0 });
    const down = virtualDscScan({ format, exo: 'down', noiseWPerG: 0 });
    expect(up.fileName).toMatch(new RegExp(`virtual_${format}_La75Al25\\.(txt|csv)$`));
    const marker = {
      'ta-universal-analysis': 'StartOfData',
      'pyris-ascii': 'Sample Weight:',
      'netzsch-proteus': '#EXPORTTYPE',
      'mettler-stare': 'Curve Values:',
      'csv-units': 'Heat Flow (mW)',
    }[format];
    expect(up.text).toContain(marker);
    // Vendor exports are Latin-1: ° is the single byte 0xB0.
    if (format !== 'csv-units') expect(Array.from(up.bytes)).toContain(0xb0);
    expect(up.text).not.toBe(down.text);
  });
});
