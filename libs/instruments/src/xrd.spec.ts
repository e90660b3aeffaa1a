import { parseXrd } from '../../analysis/src/xrd/xrd.parser';
import { laAlXrdModel, virtualXrd, xrdModelIntensity, XrdFormat } from './xrd';

describe('virtual XRD instrument', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    expect(virtualXrd(laAlXrdModel(), { seed: 4 }).text).toBe(virtualXrd(laAlXrdModel(), { seed: 4 }).text);
    expect(virtualXrd(laAlXrdModel(), { seed: 4 }).text).not.toBe(virtualXrd(laAlXrdModel(), { seed: 5 }).text);
  });

  it('truth follows the paper: q1 2.20 Å⁻¹, annealed +0.16 % and FWHM −3.8 %, crystallized adds α-La Bragg peaks', () => {
    const glass = virtualXrd(laAlXrdModel()).truth;
    const annealed = virtualXrd(laAlXrdModel({ q1ShiftPct: 0.16, fwhmChangePct: -3.8 })).truth;
    expect(glass.q1InvA).toBe(2.2);
    expect(annealed.q1InvA / glass.q1InvA).toBeCloseTo(1.0016, 12);
    expect(annealed.fwhmInvA / glass.fwhmInvA).toBeCloseTo(0.962, 12);
    const cryst = virtualXrd(laAlXrdModel({ crystallized: true })).truth;
    expect(cryst.crystalline).toBe(true);
    // dhcp α-La (100): d = a·√3/2 = 3.265 Å → q = 1.9245 Å⁻¹
    expect(cryst.braggPeaksInvA[0]).toBeCloseTo((2 * Math.PI) / ((3.77 * Math.sqrt(3)) / 2), 10);
    expect(glass.braggPeaksInvA).toEqual([]);
  });

  it('the model peaks at q1 (principal halo on a smooth background)', () => {
    const m = laAlXrdModel();
    const qs = Array.from({ length: 2001 }, (_, i) => 1.5 + i * 0.001);
    const ys = qs.map((q) => xrdModelIntensity(m, q));
    const qMax = qs[ys.indexOf(Math.max(...ys))];
    expect(Math.abs(qMax - 2.2)).toBeLessThan(0.03); // background slope moves the raw maximum slightly
  });

  it.each(['xy-2theta', 'xy-q', 'chi', 'csv', 'xrdml'] as XrdFormat[])(
    'writes %s that the XRD parser reads back with the right axis and wavelength',
    (format) => {
      const f = virtualXrd(laAlXrdModel(), { format, peakCounts: 10000, seed: 2 });
      const p = parseXrd(f.bytes, f.fileName);
      if (!p.ok) throw p.error;
      expect(p.value.xKind).toBe(f.truth.xKind);
      if (format === 'chi') expect(p.value.wavelengthA).toBeUndefined();
      else if (format !== 'xy-q') expect(p.value.wavelengthA).toBeCloseTo(1.5406, 6);
      const n = format === 'xy-q' ? 1001 : 3251; // 1.0→5.0 Å⁻¹ step 0.004; 15→80° step 0.02
      expect(p.value.x).toHaveLength(n);
      // counting noise: mean of counts near the halo top ≈ peak counts + background
      const top = p.value.intensity.reduce((a, b) => Math.max(a, b), 0);
      expect(top).toBeGreaterThan(10000);
      expect(top).toBeLessThan(20000);
    },
  );
});
