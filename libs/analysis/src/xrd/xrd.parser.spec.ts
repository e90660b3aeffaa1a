import { readFileSync } from 'fs';
import { join } from 'path';

import { parseXrd, parseXrdText } from './xrd.parser';
import { XrdPattern } from './xrd.types';

const REAL = join(__dirname, '../../../../test/fixtures/real/xrd');
const real = (name: string): XrdPattern => {
  const r = parseXrd(readFileSync(join(REAL, name)), name);
  if (!r.ok) throw r.error;
  return r.value;
};
const text = (t: string, name?: string): XrdPattern => {
  const r = parseXrdText(t, name);
  if (!r.ok) throw r.error;
  return r.value;
};

describe('XRD parsers on real instrument files (PROVENANCE.md)', () => {
  it('pyFAI q-space .xy (Mg2SiO4): 4845 rows, q 1.235→28.44 Å⁻¹, wavelength 1.908e-11 m → 0.1908 Å', () => {
    const p = real('glassure_Mg2SiO4_glass_pyFAI_q-space.xy');
    expect(p.format).toBe('pyfai-xy');
    expect(p.xKind).toBe('qInvA');
    expect(p.x).toHaveLength(4845);
    expect(p.x[0]).toBeCloseTo(1.235171111, 9);
    expect(p.x[4844]).toBeCloseTo(28.4389, 3);
    expect(p.wavelengthA).toBeCloseTo(0.1908, 6);
    expect(p.q).toEqual(p.x);
    expect(p.intensity[0]).toBeCloseTo(1213.103027, 5);
    expect(p.warnings).toEqual([]);
  });

  it('headerless .chi (Fe81S19): 2500 rows, x 3→25, unknown x unit gives a warning and no q', () => {
    const p = real('glassure_Fe81S19_liquid_alloy_headerless.chi');
    expect(p.x).toHaveLength(2500);
    expect(p.x[0]).toBe(3);
    expect(p.x[2499]).toBe(25);
    expect(p.xKind).toBe('unknown');
    expect(p.q).toBeUndefined();
    expect(p.warnings.join(' ')).toMatch(/x unit is not stated/);
  });

  it('XRDML 1.6 <intensities>: 5027 points, 2θ grid 4.00657→69.99937° rebuilt linearly, Kα1 1.540598 Å', () => {
    const p = real('nomadmeas_PANalytical_xrdml1.6_gonio_intensities_CRLF.xrdml');
    expect(p.format).toBe('xrdml-1.6');
    expect(p.x).toHaveLength(5027);
    expect(p.intensity).toHaveLength(5027);
    expect(p.x[0]).toBeCloseTo(4.00656514, 8);
    expect(p.x[5026]).toBeCloseTo(69.99936587, 8);
    const step = (69.99936587 - 4.00656514) / 5026;
    expect(p.x[2513] - p.x[2512]).toBeCloseTo(step, 10);
    expect(p.wavelengthA).toBe(1.540598);
    expect(p.intensity[0]).toBe(1305);
    expect(p.metadata.countingTimeS).toBe(39.27);
    // q = 4π sin(θ)/λ at the last point
    expect(p.q![5026]).toBeCloseTo((4 * Math.PI * Math.sin((69.99936587 * Math.PI) / 360)) / 1.540598, 10);
  });

  it('XRDML 2.1 <counts>: 1800 points, 2θ 26.025→79.995°, counts × beamAttenuationFactors', () => {
    const p = real('nomadmeas_PANalytical_xrdml2.1_2theta-omega_counts_CRLF.xrdml');
    expect(p.format).toBe('xrdml-2.1');
    expect(p.x).toHaveLength(1800);
    expect(p.x[0]).toBeCloseTo(26.025, 10);
    expect(p.x[1799]).toBeCloseTo(79.995, 10);
    expect(p.x[1] - p.x[0]).toBeCloseTo((79.995 - 26.025) / 1799, 12);
    expect(p.wavelengthA).toBe(1.540598);
    expect(p.metadata.scanAxis).toBe('2Theta-Omega');
    expect(p.warnings.join(' ')).toMatch(/beamAttenuationFactors/);
    expect(Math.max(...p.intensity)).toBeGreaterThan(100000);
  });
});

describe('XRD column-text variants', () => {
  const rows = Array.from({ length: 20 }, (_, i) => [20 + i * 0.5, 100 + i]);

  it('reads comma, tab, semicolon (decimal comma) and whitespace separators alike', () => {
    const variants = [
      rows.map(([a, b]) => `${a},${b}`).join('\n'),
      rows.map(([a, b]) => `${a}\t${b}`).join('\r\n'),
      rows.map(([a, b]) => `${String(a).replace('.', ',')};${b}`).join('\n'),
      rows.map(([a, b]) => `  ${a}   ${b}  `).join('\n'),
    ];
    for (const v of variants) {
      const p = text(`# 2theta_deg intensity\n${v}\n`);
      expect(p.x).toEqual(rows.map((r) => r[0]));
      expect(p.intensity).toEqual(rows.map((r) => r[1]));
      expect(p.xKind).toBe('twoThetaDeg');
    }
  });

  it('Fit2D .chi 4-line header: 2θ label, point count not taken as data; wavelength from params later', () => {
    const body = rows.map(([a, b]) => `  ${a.toExponential(6)}  ${b.toExponential(6)}`).join('\n');
    const p = text(`image.tif: integrated\n2-Theta Angle (Degrees)\nIntensity\n         20\n${body}\n`, 'x.chi');
    expect(p.format).toBe('fit2d-chi');
    expect(p.xKind).toBe('twoThetaDeg');
    expect(p.x).toHaveLength(20);
    expect(p.warnings).toEqual([]);
    expect(p.q).toBeUndefined();
  });

  it('q in nm⁻¹ is converted to Å⁻¹; descending x is reversed with a warning', () => {
    const body = [...rows]
      .reverse()
      .map(([a, b]) => `${a / 10} ${b}`)
      .join('\n');
    const p = text(`# q_nm^-1 I\n${body}\n`);
    expect(p.xKind).toBe('qInvA');
    expect(p.x[0]).toBeCloseTo(0.2, 12);
    expect(p.x[19]).toBeCloseTo(0.295, 12);
    expect(p.warnings.join(' ')).toMatch(/reversed/);
  });

  it.each([
    ['# Wavelength: 1.5406e-10', 1.5406],
    ['# wavelength = 0.15406 nm', 1.5406],
    ['# Wavelength (Angstrom): 0.7093', 0.7093],
    ['# lambda 1.5406 A', 1.5406],
  ])('wavelength header %s → %f Å, and q computed from 2θ', (line, expected) => {
    const p = text(`${line}\n# 2theta intensity\n${rows.map(([a, b]) => `${a} ${b}`).join('\n')}`);
    expect(p.wavelengthA).toBeCloseTo(expected, 10);
    expect(p.q![0]).toBeCloseTo((4 * Math.PI * Math.sin((20 * Math.PI) / 360)) / expected, 10);
  });

  it('returns ParseErrors (not throws) for empty, binary, too short and non-numeric input', () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(), 'EMPTY_FILE'],
      [new Uint8Array([0, 1, 2, 3, 0, 0]), 'BINARY_CONTENT'],
      [new TextEncoder().encode('1 2\n3 4\n'), 'TOO_FEW_POINTS'],
      [new TextEncoder().encode('hello\nworld\n'), 'UNKNOWN_FORMAT'],
      [new TextEncoder().encode('<xrdMeasurements><xrdMeasurement></xrdMeasurement></xrdMeasurements>'), 'MISSING_SECTION'],
    ];
    for (const [bytes, code] of cases) {
      const r = parseXrd(bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    }
  });
});
