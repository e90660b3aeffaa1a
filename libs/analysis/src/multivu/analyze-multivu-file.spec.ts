import { readFileSync } from 'fs';
import { join } from 'path';

import { GLASS_RIBBON_MODEL, modelTruth, simulateSweep, type SweepMode } from '../../../instruments/src/mpms-model';
import { simulatePpms } from '../../../instruments/src/ppms';
import { createRng } from '../../../instruments/src/rng';
import { analyzeFile } from '../analyze-file';
import type { AnalyzeParams } from '../techniques';

/** The technique's analysis through the registry, as the worker runs it (technique given). */
const analyzeMagneticFile = (bytes: Uint8Array, params: AnalyzeParams = {}) => analyzeFile(bytes, { ...params, technique: 'MAGNETIC' });
const analyzeResistanceFile = (bytes: Uint8Array, params: AnalyzeParams = {}) => analyzeFile(bytes, { ...params, technique: 'RESISTANCE' });

const MODEL = GLASS_RIBBON_MODEL;
const MASS_MG = 2.0;
const FIELD_OE = 20;
const NOISE_EMU = 1e-7;

/** A minimal MPMS3 MultiVu file (DC-scan mode: Moment empty, DC Free filled) around a simulated sweep. */
function mpms3File(mode: SweepMode, seed: number, massCell: string): Uint8Array {
  const sweep = simulateSweep(MODEL, { mode, direction: 'up', fieldOe: FIELD_OE, massMg: MASS_MG, noiseEmu: NOISE_EMU, stepK: 0.02 }, createRng(seed));
  const lines = [
    '[Header]',
    'BYAPP,MPMS3 w/ AC,1.0,1.1',
    `INFO,${massCell},SAMPLE_MASS`,
    '[Data]',
    'Comment,Time Stamp (sec),Temperature (K),Magnetic Field (Oe),Moment (emu),Mass (grams),DC Moment Free Ctr (emu)',
    `"${mode}, ${FIELD_OE}",3841156886`,
    ...sweep.temperatureK.map((t, i) => `,${3841156886 + i},${t},${sweep.fieldOe[i]},,,${sweep.momentEmu[i]}`),
  ];
  return new TextEncoder().encode(lines.join('\r\n'));
}

describe('analyzeMagneticFile', () => {
  const truth = modelTruth(MODEL, { mode: 'ZFC', minK: 1.8, maxK: 6, noiseEmu: NOISE_EMU, fieldOe: FIELD_OE, massMg: MASS_MG });

  it('takes the mass from the header (mg → g), finds the DC moment, and recovers Tc and χ(1.8 K)', () => {
    const r = analyzeMagneticFile(mpms3File('ZFC', 7, String(MASS_MG)), { densityGCm3: MODEL.densityGCm3 });
    if (!r.ok) throw r.error;
    const m = r.value.metrics as Record<string, number>;
    expect(r.value.technique).toBe('MAGNETIC');
    expect(r.value.format).toBe('multivu-mpms3');
    expect([r.value.analyzer, r.value.analyzerVersion]).toEqual(['magnetic', '1.3.0']);
    expect(m.inputMassG).toBeCloseTo(0.002, 12);
    expect(m.massSource).toBe('header');
    expect(m.momentColumn).toBe('DC Moment Free Ctr (emu)');
    expect(m.fieldOe).toBeCloseTo(FIELD_OE, 9);
    expect(Math.abs(m.tcOnsetK - truth.tcOnsetK!)).toBeLessThan(0.05);
    expect(Math.abs(m.tcMidK - truth.tcMidK!)).toBeLessThan(0.03);
    expect(m.chiMass1p8K / truth.chiMass1p8K).toBeCloseTo(1, 1);
    expect(r.value.warnings.join('\n')).toMatch(/1 rows without a temperature or moment skipped/);
  });

  it('params.massG overrides the header mass (χ scales as 1/mass)', () => {
    const header = analyzeMagneticFile(mpms3File('ZFC', 7, String(MASS_MG)), {});
    const doubled = analyzeMagneticFile(mpms3File('ZFC', 7, String(MASS_MG)), { massG: (2 * MASS_MG) / 1000 });
    if (!header.ok || !doubled.ok) throw new Error('expected ok');
    const a = header.value.metrics as Record<string, number>;
    const b = doubled.value.metrics as Record<string, number>;
    expect(b.massSource).toBe('parameter');
    expect(b.chiMass1p8K / a.chiMass1p8K).toBeCloseTo(0.5, 10);
  });

  it('params.fieldOe overrides the field column', () => {
    const r = analyzeMagneticFile(mpms3File('ZFC', 7, String(MASS_MG)), { fieldOe: 40 });
    const base = analyzeMagneticFile(mpms3File('ZFC', 7, String(MASS_MG)), {});
    if (!r.ok || !base.ok) throw new Error('expected ok');
    const m = r.value.metrics as Record<string, number>;
    expect(m.fieldOe).toBe(40);
    expect(m.chiMass1p8K / (base.value.metrics as Record<string, number>).chiMass1p8K).toBeCloseTo(0.5, 10);
  });

  it('a blank header mass without params.massG is AnalysisError MISSING_PARAMETER', () => {
    const r = analyzeMagneticFile(mpms3File('ZFC', 7, ''), {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.name).toBe('AnalysisError');
      expect((r.error as { code: string }).code).toBe('MISSING_PARAMETER');
      expect(r.error.message).toMatch(/massG/);
    }
  });

  it('uses the FC partner bytes for the FC/ZFC ratio; an unreadable partner only warns', () => {
    const withFc = analyzeMagneticFile(mpms3File('ZFC', 7, String(MASS_MG)), { fc: mpms3File('FC', 8, String(MASS_MG)) });
    if (!withFc.ok) throw withFc.error;
    const ratio = (withFc.value.metrics as Record<string, number>).fcZfcRatio;
    expect(Math.abs(ratio - truth.fcZfcRatio)).toBeLessThan(0.03);
    const badFc = analyzeMagneticFile(mpms3File('ZFC', 7, String(MASS_MG)), { fc: new TextEncoder().encode('not a file') });
    if (!badFc.ok) throw badFc.error;
    expect(badFc.value.metrics.fcZfcRatio).toBeNull();
    expect(badFc.value.warnings.join('\n')).toMatch(/FC partner not used: line 1: no \[Header\] section/);
  });

  it('passes parse errors through (AC-only file → MISSING_COLUMN)', () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../../test/fixtures/real/mpms/qdsquid_MPMSXL_MultiVu1.60_AC_vs_freq_4K.ac.dat')));
    const r = analyzeMagneticFile(bytes, {});
    expect(r.ok ? 'ok' : `${r.error.name}:${(r.error as { code: string }).code}`).toBe('ParseError:MISSING_COLUMN');
  });
});

describe('analyzeResistanceFile', () => {
  it.each(['resistivity', 'actransport'] as const)('recovers Tc and Hc2(0) from a virtual PPMS %s file', (option) => {
    const ppms = simulatePpms({ seed: 3, option });
    const r = analyzeResistanceFile(new TextEncoder().encode(ppms.text), {});
    if (!r.ok) throw r.error;
    const m = r.value.metrics as Record<string, number>;
    expect(r.value.technique).toBe('RESISTANCE');
    expect(r.value.format).toBe(option === 'resistivity' ? 'multivu-ppms-resistivity' : 'multivu-ppms-act');
    expect([r.value.analyzer, r.value.analyzerVersion]).toEqual(['resistance', '1.1.0']);
    expect(Math.abs(m.tcK - ppms.truth.tcK)).toBeLessThan(0.01);
    expect(m.hc2ZeroWhhT / ppms.truth.hc2ZeroT).toBeGreaterThan(0.85);
    expect(m.hc2ZeroWhhT / ppms.truth.hc2ZeroT).toBeLessThan(1.15);
  });

  it('a magnetic file given as resistance fails at once, naming both techniques', () => {
    const r = analyzeResistanceFile(mpms3File('ZFC', 7, '2'), {});
    expect(r.ok ? 'ok' : (r.error as { code: string }).code).toBe('WRONG_TECHNIQUE');
    expect(r.ok ? '' : r.error.message).toMatch(/^this is MAGNETIC data \(.*, multivu-mpms3\); the measurement is RESISTANCE/);
  });
});
