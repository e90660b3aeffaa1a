import { readFileSync } from 'fs';
import { join } from 'path';

import { laAlXrdModel, virtualXrd, VirtualXrdFile, XrdFormat } from '../../../instruments/src/xrd';
import { analyzeXrd, MAX_FIT_POINTS, XrdResult } from './xrd.analyzer';
import { analyzeFile } from '../analyze-file';
import type { AnalyzeParams } from '../techniques';
import { parseXrd } from './xrd.parser';
import { XrdPattern } from './xrd.types';

/** The technique's analysis through the registry, as the worker runs it (technique given). */
const analyzeXrdFile = (bytes: Uint8Array, params: AnalyzeParams = {}) => analyzeFile(bytes, { ...params, technique: 'XRD' });

const REAL = join(__dirname, '../../../../test/fixtures/real/xrd');
const parse = (f: { bytes: Uint8Array; fileName: string }): XrdPattern => {
  const r = parseXrd(f.bytes, f.fileName);
  if (!r.ok) throw r.error;
  return r.value;
};
const analyze = (p: XrdPattern, params: Parameters<typeof analyzeXrd>[1] = {}): XrdResult => {
  const r = analyzeXrd(p, params);
  if (!r.ok) throw r.error;
  return r.value;
};

describe('analyzeXrd on virtual La75Al25 patterns (truth: q1 = 2.200 Å⁻¹, FWHM = 0.460 Å⁻¹)', () => {
  const formats: XrdFormat[] = ['xy-2theta', 'xy-q', 'chi', 'csv', 'xrdml'];
  // peak counts 5e3…2e5: statistical σ(q1) from 0.0005 down to 0.00006 Å⁻¹
  const cases = [
    ...[5000, 20000, 200000].map((peakCounts) => ['xy-2theta', peakCounts] as const),
    ...formats.slice(1).map((format, i) => [format, [5000, 20000, 200000, 5000][i]] as const),
  ];

  it.each(cases)('%s at %i peak counts: q1 within 0.002 Å⁻¹, FWHM within 3 %, error bars consistent', (format, peakCounts) => {
    const f = virtualXrd(laAlXrdModel(), { format, peakCounts, seed: 7 });
    const r = analyze(parse(f), { wavelengthA: format === 'chi' ? 1.5406 : undefined });
    expect(Math.abs(r.q1InvA - f.truth.q1InvA)).toBeLessThan(0.002);
    expect(Math.abs(r.q1InvA - f.truth.q1InvA)).toBeLessThan(4 * r.q1ErrInvA + 0.0004);
    expect(Math.abs(r.fwhmInvA - f.truth.fwhmInvA) / f.truth.fwhmInvA).toBeLessThan(0.03);
    expect(r.q1ErrInvA).toBeGreaterThan(0);
    expect(r.q1ErrInvA).toBeLessThan(0.002);
    expect(r.crystalline).toBe(false);
    expect(r.braggPeaksInvA).toEqual([]);
  });

  it('measures the annealing shift (+0.16 % q1, −3.8 % FWHM) within 0.03 percentage points; Δρ/ρ = 3 Δq1/q1 ≈ +0.48 %', () => {
    for (const seed of [1, 2]) {
      const ref = virtualXrd(laAlXrdModel(), { peakCounts: 200000, seed });
      const annealed = virtualXrd(laAlXrdModel({ q1ShiftPct: 0.16, fwhmChangePct: -3.8 }), { peakCounts: 200000, seed: seed + 100 });
      const r = analyze(parse(annealed), { reference: parse(ref) });
      expect(Math.abs(r.q1ShiftPct! - 0.16)).toBeLessThan(0.03);
      expect(r.densityChangePct).toBeCloseTo(3 * r.q1ShiftPct!, 12);
      expect(Math.abs(r.densityChangePct! - 0.48)).toBeLessThan(0.09);
      expect(Math.abs(r.fwhmChangePct! - -3.8)).toBeLessThan(0.5);
    }
  });

  it('a zero shift reads as zero (no spurious densification) and the sign follows q1', () => {
    const ref = parse(virtualXrd(laAlXrdModel(), { peakCounts: 200000, seed: 11 }));
    const same = parse(virtualXrd(laAlXrdModel(), { peakCounts: 200000, seed: 12 }));
    const expanded = parse(virtualXrd(laAlXrdModel({ q1ShiftPct: -0.3 }), { peakCounts: 200000, seed: 13 }));
    expect(Math.abs(analyze(same, { reference: ref }).q1ShiftPct!)).toBeLessThan(0.03);
    expect(analyze(expanded, { reference: ref }).densityChangePct!).toBeLessThan(-0.6);
  });

  it('flags crystallinity: α-La Bragg peaks found at their true q (±0.002 Å⁻¹) on a crystallized sample, none on the glass', () => {
    for (const peakCounts of [2000, 20000]) {
      const c = virtualXrd(laAlXrdModel({ crystallized: true }), { peakCounts, seed: 3 });
      const r = analyze(parse(c));
      expect(r.crystalline).toBe(true);
      expect(r.braggPeaksInvA).toHaveLength(c.truth.braggPeaksInvA.length);
      r.braggPeaksInvA.forEach((q, i) => expect(Math.abs(q - c.truth.braggPeaksInvA[i])).toBeLessThan(0.002));
      // the weakened halo underneath is still located
      expect(Math.abs(r.q1InvA - c.truth.q1InvA)).toBeLessThan(0.01);
      const glass = analyze(parse(virtualXrd(laAlXrdModel(), { peakCounts, seed: 3 })));
      expect(glass.crystalline).toBe(false);
    }
  });

  it('needs a wavelength for 2θ data: Fit2D .chi without params → MISSING_PARAMETER; params override the header', () => {
    const chi = parse(virtualXrd(laAlXrdModel(), { format: 'chi', seed: 5 }));
    const r = analyzeXrd(chi);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('MISSING_PARAMETER');
    // Header says 1.5406 Å; analyzing with a wrong override moves q1 by the ratio of wavelengths.
    const xy = parse(virtualXrd(laAlXrdModel(), { seed: 5 }));
    const overridden = analyze(xy, { wavelengthA: 1.5406 * 1.01 });
    expect(overridden.wavelengthA).toBeCloseTo(1.5406 * 1.01, 12);
    expect(overridden.q1InvA).toBeCloseTo(2.2 / 1.01, 2);
  });
});

describe('analyzeXrd on real files (physically sensible output or a clear warning)', () => {
  const real = (name: string): XrdPattern => parse({ bytes: readFileSync(join(REAL, name)), fileName: name });

  it('Mg2SiO4 glass (pyFAI q-space): sensible — q1 near 2.26 Å⁻¹ (±0.05), amorphous, weak ripples only warned', () => {
    const r = analyze(real('glassure_Mg2SiO4_glass_pyFAI_q-space.xy'));
    expect(Math.abs(r.q1InvA - 2.26)).toBeLessThan(0.05);
    expect(r.fwhmInvA).toBeGreaterThan(0.3);
    expect(r.fwhmInvA).toBeLessThan(1);
    expect(r.crystalline).toBe(false);
    expect(r.warnings.join(' ')).toMatch(/weak narrow feature/);
  });

  it('Fe81S19 liquid (headerless .chi): clear MISSING_PARAMETER without wavelength; with λ the halo is found and the assumption warned', () => {
    const p = real('glassure_Fe81S19_liquid_alloy_headerless.chi');
    const missing = analyzeXrd(p);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/x unit is not stated/);
    const r = analyze(p, { wavelengthA: 0.3344 });
    expect(r.warnings.join(' ')).toMatch(/taken as 2θ/);
    // halo maximum near x ≈ 11.1° (PROVENANCE) → q = 4π sin(5.55°)/0.3344 ≈ 3.63 Å⁻¹
    expect(Math.abs(r.q1InvA - (4 * Math.PI * Math.sin((11.1 * Math.PI) / 360)) / 0.3344)).toBeLessThan(0.05);
    expect(r.crystalline).toBe(false);
  });

  it.each(['nomadmeas_PANalytical_xrdml1.6_gonio_intensities_CRLF.xrdml', 'nomadmeas_PANalytical_xrdml2.1_2theta-omega_counts_CRLF.xrdml'])(
    '%s: crystalline (Bragg peaks) with a warning that the halo metrics describe only the amorphous part',
    (name) => {
      const r = analyze(real(name));
      expect(r.crystalline).toBe(true);
      expect(r.braggPeaksInvA.length).toBeGreaterThan(2);
      expect(r.warnings.join(' ')).toMatch(/crystalline/);
    },
  );
});

describe('analyzeXrdFile', () => {
  it('returns the named metrics, null changes without a reference, and curves of at most 500 points', () => {
    const f: VirtualXrdFile = virtualXrd(laAlXrdModel(), { format: 'xrdml', seed: 9 });
    const r = analyzeXrdFile(f.bytes, { fileName: f.fileName });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.value.metrics;
    expect(Object.keys(m)).toEqual(
      expect.arrayContaining([
        'q1InvA',
        'q1ErrInvA',
        'fwhmInvA',
        'fwhmErrInvA',
        'crystalline',
        'braggPeaksInvA',
        'q1ShiftPct',
        'fwhmChangePct',
        'densityChangePct',
      ]),
    );
    expect(m.q1ShiftPct).toBeNull();
    expect(m.densityChangePct).toBeNull();
    expect(Math.abs((m.q1InvA as number) - 2.2)).toBeLessThan(0.002);
    expect(r.value).toMatchObject({ technique: 'XRD', format: 'xrdml-1.6', analyzer: 'xrd', analyzerVersion: '1.3.0' });
    for (const c of Object.values(r.value.curves!)) {
      expect(c.x.length).toBeLessThanOrEqual(500);
      expect(c.x.length).toBe(c.y.length);
    }
  });

  it('uses params.reference bytes and params.wavelengthA (Fit2D .chi has none)', () => {
    const ref = virtualXrd(laAlXrdModel(), { format: 'chi', peakCounts: 200000, seed: 21 });
    const ann = virtualXrd(laAlXrdModel({ q1ShiftPct: 0.16 }), { format: 'chi', peakCounts: 200000, seed: 22 });
    const r = analyzeXrdFile(ann.bytes, { fileName: ann.fileName, wavelengthA: 1.5406, reference: ref.bytes });
    if (!r.ok) throw r.error;
    expect(Math.abs((r.value.metrics.q1ShiftPct as number) - 0.16)).toBeLessThan(0.03);
    const bad = analyzeXrdFile(ann.bytes, { fileName: ann.fileName });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.kind).toBe('AnalysisError');
  });
});

describe('analyzeXrd on a long pattern (more than MAX_FIT_POINTS points)', () => {
  // 2θ 15–80° every 0.001°: 65,001 points, 20 times the default 0.02° step's, each with the same counting noise.
  const fine = virtualXrd(laAlXrdModel(), { stepDeg: 0.001, peakCounts: 20000, seed: 5 });
  const coarse = virtualXrd(laAlXrdModel(), { stepDeg: 0.02, peakCounts: 20000, seed: 5 });
  let r: XrdResult;
  let c: XrdResult;
  beforeAll(() => {
    r = analyze(parse(fine));
    c = analyze(parse(coarse));
  });

  it('fits bin averages of ⌈n / 20,000⌉ points, says so in its metrics and warnings, and finds the truth', () => {
    expect(MAX_FIT_POINTS).toBe(20_000);
    expect({ patternPoints: r.patternPoints, decimationFactor: r.decimationFactor, fitPoints: r.fitPoints }).toEqual({
      patternPoints: 65_001,
      decimationFactor: 4,
      fitPoints: 16_251,
    });
    expect(r.q).toHaveLength(65_001);
    expect(r.analysedQ).toHaveLength(16_251);
    expect(r.warnings).toContain('65001 points: the halo was located and fitted on 16251 bins of 4 consecutive points each (their means)');
    expect(Math.abs(r.q1InvA - fine.truth.q1InvA)).toBeLessThan(0.002);
    expect(Math.abs(r.fwhmInvA - fine.truth.fwhmInvA) / fine.truth.fwhmInvA).toBeLessThan(0.03);
  });

  it('keeps the error bars of every point: 20 times the points give about 1/√20 of the coarse pattern’s σ(q1), σ(FWHM)', () => {
    expect(c.decimationFactor).toBe(1);
    expect(c.fitPoints).toBe(c.patternPoints);
    // Bins of k points have 1/√k of a point's noise and there are k times fewer: σ from s²(JᵀJ)⁻¹ is the all-points one.
    expect(r.q1ErrInvA / c.q1ErrInvA).toBeGreaterThan(0.15);
    expect(r.q1ErrInvA / c.q1ErrInvA).toBeLessThan(0.35);
    expect(r.fwhmErrInvA / c.fwhmErrInvA).toBeGreaterThan(0.15);
    expect(r.fwhmErrInvA / c.fwhmErrInvA).toBeLessThan(0.35);
  });

  it('is stored with patternPoints, fitPoints and decimationFactor through the registry', () => {
    const stored = analyzeXrdFile(fine.bytes, { fileName: fine.fileName });
    expect(stored.ok && stored.value.metrics).toMatchObject({ patternPoints: 65_001, fitPoints: 16_251, decimationFactor: 4 });
  });
});
