import { laAlXrdModel, virtualXrd } from '../../../instruments/src/xrd';
import { analyzeFile } from '../analyze-file';
import { parseXrdText } from './xrd.parser';

const asXrd = (bytes: Uint8Array, fileName: string, wavelengthA?: number) =>
  analyzeFile(bytes, { technique: 'XRD', fileName, ...(wavelengthA !== undefined && { wavelengthA }) });
const metricsOf = (r: ReturnType<typeof asXrd>): Record<string, unknown> => {
  if (!r.ok) throw r.error;
  return r.value.metrics;
};

describe('XRD x units as the integration programs and vendors write them', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `${(1 + i * 0.5).toFixed(3)} ${100 + i}`);
  it.each([
    [['img.tif: Fit2D', 'Q (Inverse Nanometres)', 'Intensity', '30'], 'a.chi', 'qInvA', 0.1],
    [['img.tif: Fit2D', 'Q (Inverse Angstroms)', 'Intensity', '30'], 'a.chi', 'qInvA', 1],
    [['img.tif: Fit2D', '2-Theta Angle (Degrees)', 'Intensity', '30'], 'a.chi', 'twoThetaDeg', 1],
    [['# q_nm^-1  I'], 'a.xy', 'qInvA', 0.1],
    [['# q_A^-1 I'], 'a.xy', 'qInvA', 1],
    [['# 2th_deg I'], 'a.xy', 'twoThetaDeg', 1],
    [['# 2th_rad I'], 'a.xy', 'twoThetaDeg', 180 / Math.PI],
    [['2Theta,Intensity'], 'a.csv', 'twoThetaDeg', 1],
    [['Angle,Intensity'], 'a.csv', 'twoThetaDeg', 1],
    [['# 2θ (°)  I'], 'a.xy', 'twoThetaDeg', 1],
    [['Q (1/Å)  I(Q)'], 'a.xy', 'qInvA', 1],
    [['q [1/nm] I'], 'a.xy', 'qInvA', 0.1],
    [['tth  I'], 'a.xy', 'twoThetaDeg', 1],
  ])('%j → %s', (header, name, kind, scale) => {
    const r = parseXrdText([...header, ...rows].join('\n'), name);
    if (!r.ok) throw r.error;
    expect(r.value.xKind).toBe(kind);
    expect(r.value.x[0]).toBeCloseTo(scale, 9);
  });

  it.each([
    ['# r_mm I', /radial distance on the detector \(mm\)/],
    ['Radial distance (mm)', /radial distance/],
    ['# d-spacing I', /d-spacing/],
  ])('an axis XRD cannot use (%s) fails naming it', (header, why) => {
    const r = parseXrdText([header, ...rows].join('\n'), 'a.xy');
    expect(r.ok ? 'ok' : r.error.code).toBe('UNKNOWN_FORMAT');
    expect(r.ok ? '' : r.error.message).toMatch(why);
  });

  it('a Fit2D .chi in q (nm⁻¹) gives q1 ≈ 2.20 Å⁻¹, and a given wavelength does not turn q into 2θ', () => {
    const f = virtualXrd(laAlXrdModel(), { format: 'chi-q', seed: 3 });
    expect(f.text.split('\n')[1]).toBe('Q (Inverse Nanometres)');
    const plain = asXrd(f.bytes, f.fileName);
    const withLambda = asXrd(f.bytes, f.fileName, 1.5406);
    const detected = analyzeFile(f.bytes, { fileName: f.fileName });
    for (const r of [plain, withLambda, detected]) {
      expect(r.ok ? r.value.format : r.error.message).toBe('fit2d-chi');
      expect(Math.abs((metricsOf(r).q1InvA as number) - f.truth.q1InvA)).toBeLessThan(0.005);
    }
    expect(metricsOf(withLambda).q1InvA).toBe(metricsOf(plain).q1InvA);
  });
});

describe('XRD on a raw pattern with a steep background (air and holder scatter, intensity rising at the end)', () => {
  it.each([1, 2, 3])('q1 within 0.005 Å⁻¹ and FWHM within 6 %, not crystalline, seed %i', (seed) => {
    const f = virtualXrd(laAlXrdModel({ rawBackground: true }), { seed, twoThetaMinDeg: 10, twoThetaMaxDeg: 80 });
    const r = asXrd(f.bytes, f.fileName);
    const m = metricsOf(r);
    expect(Math.abs((m.q1InvA as number) - f.truth.q1InvA)).toBeLessThan(0.005);
    expect(Math.abs((m.fwhmInvA as number) / f.truth.fwhmInvA - 1)).toBeLessThan(0.06);
    expect(m.fwhmErrInvA as number).toBeLessThan(0.02);
    expect(m.crystalline).toBe(false);
    expect(m.braggPeaksInvA).toEqual([]);
    expect(r.ok && r.value.warnings.join('\n')).toMatch(/steep background: the halo was fitted after subtracting a SNIP background/);
  });

  it('the same raw background under a crystallized sample: crystalline from its narrow Bragg peaks', () => {
    const f = virtualXrd(laAlXrdModel({ rawBackground: true, crystallized: true }), { seed: 4, twoThetaMinDeg: 10, twoThetaMaxDeg: 80 });
    const m = metricsOf(asXrd(f.bytes, f.fileName));
    expect(m.crystalline).toBe(true);
    expect((m.braggPeaksInvA as number[]).length).toBeGreaterThanOrEqual(3);
    for (const p of m.braggPeaksInvA as number[]) expect(f.truth.braggPeaksInvA.some((t) => Math.abs(t - p) < 0.01)).toBe(true);
  });

  it('the mild background of a corrected pattern keeps the straight-line fit (no SNIP)', () => {
    const f = virtualXrd(laAlXrdModel(), { seed: 5 });
    const r = asXrd(f.bytes, f.fileName);
    expect(Math.abs((metricsOf(r).q1InvA as number) - f.truth.q1InvA)).toBeLessThan(0.002);
    expect(r.ok && r.value.warnings.join('\n')).not.toMatch(/SNIP/);
  });
});

describe('XRD results are physical or refused', () => {
  it('q stated in Å⁻¹ but written in nm⁻¹ (q1 ≈ 22 "Å⁻¹") is IMPLAUSIBLE, naming the range', () => {
    const f = virtualXrd(laAlXrdModel(), { format: 'xy-q', seed: 6 });
    const scaled = f.text
      .split('\n')
      .map((l) => (l.startsWith('#') || l === '' ? l : l.replace(/^(\S+)/, (x) => (10 * Number(x)).toExponential(9))))
      .join('\n');
    const r = asXrd(new TextEncoder().encode(scaled), f.fileName);
    expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toMatch(
      /^IMPLAUSIBLE: q₁ \(principal halo\) \(q1InvA\) = 2\d\.\d+ Å⁻¹ is outside the physically possible range 0\.5 … 6 Å⁻¹/,
    );
  });
});
