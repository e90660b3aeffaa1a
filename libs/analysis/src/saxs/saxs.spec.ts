import { readFileSync } from 'fs';
import { join } from 'path';

import { glassSaxsModel, laAlSaxsModel, saxsModelIntensity, SaxsFormat, type SaxsSampleModel, virtualSaxs } from '../../../instruments/src/saxs';
import { fitLine } from '../core/numeric';
import { analyzeFile } from '../analyze-file';
import type { AnalyzeParams } from '../techniques';
import { analyzeSaxs, SaxsResult } from './saxs.analyzer';
import { parseSaxs } from './saxs.parser';
import { SaxsProfile } from './saxs.types';

/** The technique's analysis through the registry, as the worker runs it (technique given). */
const analyzeSaxsFile = (bytes: Uint8Array, params: AnalyzeParams = {}) => analyzeFile(bytes, { ...params, technique: 'SAXS' });

const REAL = join(__dirname, '../../../../test/fixtures/real/saxs');
const real = (name: string): SaxsProfile => {
  const r = parseSaxs(readFileSync(join(REAL, name)), name);
  if (!r.ok) throw r.error;
  return r.value;
};
const analyze = (p: SaxsProfile): SaxsResult => {
  const r = analyzeSaxs(p);
  if (!r.ok) throw r.error;
  return r.value;
};
/** Bumps found in 30 virtual profiles of `model` (seeds firstSeed … firstSeed + 29): on a homogeneous model, each one is false. */
const bumpsFound = (model: SaxsSampleModel, firstSeed: number): number => {
  let bumps = 0;
  for (let seed = firstSeed; seed < firstSeed + 30; seed++) {
    const p = parseSaxs(virtualSaxs(model, { seed }).bytes);
    if (!p.ok) throw p.error;
    bumps += analyze(p.value).bumps.length;
  }
  return bumps;
};

describe('SAXS parser on real files (PROVENANCE.md)', () => {
  it('Alumina USAXS csv: 112 rows q, I, σ; q 2.46e-4→0.676 Å⁻¹ (unit not stated → warning)', () => {
    const p = real('sasdata_Alumina_USAXS_q_I_sigma.csv');
    expect(p.format).toBe('q-i-sigma');
    expect(p.qInvA).toHaveLength(112);
    expect(p.qInvA[0]).toBe(0.000246465);
    expect(p.qInvA[111]).toBe(0.675764);
    expect(p.intensity[0]).toBe(6.32676e7);
    expect(p.sigma![0]).toBe(1.61065e6);
    expect(p.warnings.join(' ')).toMatch(/q unit is not stated/);
  });

  it('APS DND-CAT 4 columns: 733 rows, q = col 1, I = col 2, σ treated as unknown with a warning', () => {
    const p = real('sasdata_APS_DND-CAT_SAXS_4col_noheader.txt');
    expect(p.format).toBe('q-i-4col');
    expect(p.qInvA).toHaveLength(733);
    expect(p.qInvA[0]).toBeCloseTo(0.002647192, 12);
    expect(p.qInvA[732]).toBeCloseTo(0.151, 3);
    expect(p.intensity[0]).toBeCloseTo(65525.008, 3);
    expect(p.sigma).toBeUndefined();
    expect(p.warnings.join(' ')).toMatch(/4 columns.*σ is treated as unknown/);
  });

  it('ISIS LOQ RKH/COLETTE: 121 rows 0.009→0.249 Å⁻¹; the numeric control lines 3–4 are not data', () => {
    const p = real('sasdata_ISIS_LOQ_83404_SANS_COLETTE.txt');
    expect(p.format).toBe('rkh-colette');
    expect(p.qInvA).toHaveLength(121);
    expect(p.qInvA[0]).toBe(0.009);
    expect(p.qInvA[120]).toBe(0.249);
    expect(p.intensity[0]).toBeCloseTo(38.43649, 5);
    expect(p.sigma![120]).toBeCloseTo(0.1015602, 7);
    expect(p.metadata.firstDataLine).toBe(6);
    expect(p.warnings.join(' ')).toMatch(/lines \(3–4\) of RKH\/COLETTE control numbers/);
  });

  it('converts q stated in nm⁻¹ to Å⁻¹ and warns when σ is missing (2 columns)', () => {
    const nm = virtualSaxs(laAlSaxsModel(), { format: 'q-i-sigma-nm', seed: 1 });
    const p = parseSaxs(nm.bytes);
    if (!p.ok) throw p.error;
    expect(p.value.qInvA[0]).toBeCloseTo(0.005, 9);
    expect(p.value.metadata.qUnitInFile).toBe('1/nm');
    const two = parseSaxs(virtualSaxs(laAlSaxsModel(), { format: 'q-i', seed: 1 }).bytes);
    if (!two.ok) throw two.error;
    expect(two.value.sigma).toBeUndefined();
    expect(two.value.warnings.join(' ')).toMatch(/no σ column/);
  });
});

describe('analyzeSaxs on virtual profiles (truth slope −3; bump at 0.06 Å⁻¹, +25 %, 2 % noise)', () => {
  // 150 log-spaced points over 1.8 decades with 2 % errors: σ(slope) ≈ 0.0014, so ±0.01 is > 5σ
  // yet small against the slope differences that matter (Porod −4 vs mass-fractal −2…−3).
  const formats: SaxsFormat[] = ['q-i-sigma', 'q-i', 'q-i-sigma-nm', 'rkh', '4col'];

  it.each(formats)('%s: slope within 0.01 of −3 (and within 5 slopeErr), homogeneous, no bump', (format) => {
    for (const seed of [1, 2, 3]) {
      const f = virtualSaxs(laAlSaxsModel(false), { format, seed });
      const p = parseSaxs(f.bytes, f.fileName);
      if (!p.ok) throw p.error;
      const r = analyze(p.value);
      expect(Math.abs(r.slope - f.truth.slope)).toBeLessThan(0.01);
      expect(Math.abs(r.slope - f.truth.slope)).toBeLessThan(5 * r.slopeErr);
      expect(r.slopeErr).toBeLessThan(0.005);
      expect(r.bumps).toEqual([]);
      expect(r.homogeneous).toBe(true);
    }
  });

  it.each(formats)('%s: the bump is detected near 0.06 Å⁻¹ beyond 3σ and the slope is not dragged by it', (format) => {
    for (const seed of [1, 2, 3]) {
      const f = virtualSaxs(laAlSaxsModel(true), { format, seed });
      const p = parseSaxs(f.bytes, f.fileName);
      if (!p.ok) throw p.error;
      const r = analyze(p.value);
      expect(r.homogeneous).toBe(false);
      expect(r.bumps).toHaveLength(1);
      expect(Math.abs(r.bumps[0].qInvA - f.truth.bumpQInvA!)).toBeLessThan(0.004);
      expect(r.bumps[0].excessSigma).toBeGreaterThan(3);
      expect(Math.abs(r.slope - f.truth.slope)).toBeLessThan(0.01);
    }
  });

  it('no false bumps on 30 homogeneous profiles (a bump needs ≥ 2 consecutive points beyond 3σ)', () => {
    expect(bumpsFound(laAlSaxsModel(false), 100)).toBe(0);
  });
});

describe('analyzeSaxs on real files', () => {
  it('Alumina USAXS: slope between −4.5 and −2.5 (Porod-like powder) with a clear "not a single power law" warning', () => {
    const r = analyze(real('sasdata_Alumina_USAXS_q_I_sigma.csv'));
    expect(r.slope).toBeGreaterThan(-4.5);
    expect(r.slope).toBeLessThan(-2.5);
    expect(r.warnings.join(' ')).toMatch(/not a single power law/);
  });

  it('ISIS COLETTE SANS: decaying (slope < 0) with the same warning; APS 4-column: σ from scatter, warned', () => {
    const isis = analyze(real('sasdata_ISIS_LOQ_83404_SANS_COLETTE.txt'));
    expect(isis.slope).toBeLessThan(0);
    expect(isis.warnings.join(' ')).toMatch(/not a single power law/);
    const aps = analyze(real('sasdata_APS_DND-CAT_SAXS_4col_noheader.txt'));
    expect(aps.slope).toBeLessThan(0);
    expect(aps.sigmaSource).toBe('scatter');
    expect(aps.warnings.join(' ')).toMatch(/σ estimated from the scatter/);
  });
});

describe('analyzeSaxsFile', () => {
  it('returns slope, slopeErr, bumps [{qInvA, excessSigma}], homogeneous and ≤ 500-point curves', () => {
    const f = virtualSaxs(laAlSaxsModel(true), { seed: 2, points: 800 });
    const r = analyzeSaxsFile(f.bytes, { fileName: f.fileName });
    if (!r.ok) throw r.error;
    const m = r.value.metrics;
    expect(r.value).toMatchObject({ technique: 'SAXS', analyzer: 'saxs', analyzerVersion: '1.1.0', format: 'q-i-sigma' });
    expect(m.slope as number).toBeCloseTo(-3, 1);
    expect(m.slopeErr as number).toBeGreaterThan(0);
    expect(m.homogeneous).toBe(false);
    expect((m.bumps as { qInvA: number; excessSigma: number }[])[0]).toEqual({ qInvA: expect.any(Number), excessSigma: expect.any(Number) });
    for (const c of Object.values(r.value.curves!)) expect(c.x.length).toBeLessThanOrEqual(500);
    const bad = analyzeSaxsFile(new Uint8Array([0, 0, 0]));
    expect(bad.ok).toBe(false);
  });
});

describe('analyzeSaxs: a power law on a flat background, I = A·q^−n + B (Porod glass, n = 4, B = 3)', () => {
  it('a bare log–log line is biased by the background (n ≈ 2.9, not 4): the model needs B', () => {
    const m = glassSaxsModel(false);
    const q = Array.from({ length: 150 }, (_, i) => 0.005 * 60 ** (i / 149));
    const bare = fitLine(
      q.map(Math.log10),
      q.map((v) => Math.log10(saxsModelIntensity(m, v))),
    );
    expect(-bare.slope).toBeLessThan(3.1);
  });

  it.each(['q-i-sigma', 'q-i', 'rkh'] as SaxsFormat[])('%s: n within 0.02 of 4 (and 5σ), B within 2 %, no bumps', (format) => {
    for (const seed of [1, 2, 3]) {
      const f = virtualSaxs(glassSaxsModel(false), { format, seed });
      const r = analyzeSaxsFile(f.bytes, { fileName: f.fileName });
      if (!r.ok) throw r.error;
      const m = r.value.metrics as Record<string, number | unknown[]>;
      const n = m.powerLawN as number;
      expect(Math.abs(n - f.truth.powerLawN)).toBeLessThan(0.02);
      expect(Math.abs(n - f.truth.powerLawN)).toBeLessThan(5 * (m.powerLawNErr as number));
      expect(m.powerLawNErr as number).toBeLessThan(0.01);
      expect(Math.abs((m.backgroundB as number) / f.truth.backgroundB - 1)).toBeLessThan(0.02);
      expect(m.backgroundBErr as number).toBeGreaterThan(0);
      expect(m.slope).toBeCloseTo(-n, 12);
      expect(m.bumps).toEqual([]);
      expect(m.homogeneous).toBe(true);
    }
  });

  it('no false bumps on 30 homogeneous profiles with background', () => {
    expect(bumpsFound(glassSaxsModel(false), 200)).toBe(0);
  });

  it('the bump is found above the model (near 0.06 Å⁻¹) and n, B are not dragged by it', () => {
    for (const seed of [1, 2, 3]) {
      const f = virtualSaxs(glassSaxsModel(true), { seed });
      const p = parseSaxs(f.bytes);
      if (!p.ok) throw p.error;
      const r = analyze(p.value);
      expect(r.bumps).toHaveLength(1);
      expect(Math.abs(r.bumps[0].qInvA - f.truth.bumpQInvA!)).toBeLessThan(0.004);
      expect(Math.abs(r.powerLawN - 4)).toBeLessThan(0.02);
      expect(Math.abs(r.backgroundB / 3 - 1)).toBeLessThan(0.02);
    }
  });
});
