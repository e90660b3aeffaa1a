import { readFileSync } from 'fs';
import { join } from 'path';

import { MPMS_FORMATS, writeMpmsFile } from '../../instruments/src/mpms';
import { GLASS_RIBBON_MODEL, simulateSweep } from '../../instruments/src/mpms-model';
import { simulatePpms } from '../../instruments/src/ppms';
import { createRng } from '../../instruments/src/rng';
import { laAlSaxsModel, virtualSaxs } from '../../instruments/src/saxs';
import { laAlXrdModel, virtualXrd } from '../../instruments/src/xrd';
import { analyzeFile } from './analyze-file';
import type { AnalyzeParams } from './techniques';

/** The technique's analysis through the registry, as the worker runs it (technique given). */
const analyzeDscFile = (bytes: Uint8Array, params: AnalyzeParams = {}) => analyzeFile(bytes, { ...params, technique: 'DSC' });
const analyzeResistanceFile = (bytes: Uint8Array, params: AnalyzeParams = {}) => analyzeFile(bytes, { ...params, technique: 'RESISTANCE' });

const REAL = join(__dirname, '../../../test/fixtures/real');
const bytesOf = (rel: string): Uint8Array => new Uint8Array(readFileSync(join(REAL, rel)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const codeOf = (r: { ok: boolean; error?: Error }): string => (r.ok ? 'ok' : `${r.error!.name}:${(r.error as unknown as { code: string }).code}`);

const GLASS = GLASS_RIBBON_MODEL;

/** An MPMS3 VSM-mode ZFC file at 20 Oe around a simulated sweep of a 2 mg glass ribbon. */
function mpms3Zfc(): Uint8Array {
  const s = simulateSweep(GLASS, { mode: 'ZFC', direction: 'up', fieldOe: 20, massMg: 2, noiseEmu: 1e-7, stepK: 0.02 }, createRng(11));
  const rows = s.temperatureK.map((t, i) => `,${t},${s.fieldOe[i]},${s.momentEmu[i]}`);
  return utf8(
    ['[Header]', 'BYAPP,MPMS3 w/ AC,1.0,1.1', 'INFO,2,SAMPLE_MASS', '[Data]', 'Comment,Temperature (K),Magnetic Field (Oe),Moment (emu)', ...rows].join('\n'),
  );
}

describe('analyzeFile dispatch', () => {
  it('MAGNETIC: an MPMS3 file goes to the magnetic analyzer with the header mass', () => {
    const r = analyzeFile(mpms3Zfc(), { densityGCm3: 6.2 });
    if (!r.ok) throw r.error;
    expect([r.value.technique, r.value.format, r.value.analyzer]).toEqual(['MAGNETIC', 'multivu-mpms3', 'magnetic']);
    const m = r.value.metrics as Record<string, number>;
    expect(m.inputMassG).toBeCloseTo(0.002, 12);
    expect(m.tcOnsetK).toBeGreaterThan(3.5);
    expect(m.tcOnsetK).toBeLessThan(3.7);
    expect(m.shieldingFraction1p8K).toBeCloseTo(0.9, 1);
  });

  it.each(MPMS_FORMATS.map((f) => [f]))('MAGNETIC: the virtual %s writer is detected and analysed (onset within 0.02 K)', (format) => {
    const v = writeMpmsFile(format, GLASS, { seed: 3, mode: 'ZFC', direction: 'up', fieldOe: 20, massMg: 2, noiseEmu: 1e-7 });
    const r = analyzeFile(utf8(v.text), { fileName: v.fileName });
    if (!r.ok) throw r.error;
    expect(r.value.technique).toBe('MAGNETIC');
    expect(r.value.format).toBe({ MPMS3_VSM: 'multivu-mpms3', MPMS3_DC: 'multivu-mpms3', MPMS_XL: 'multivu-mpms-xl', PPMS_VSM: 'multivu-ppms-vsm' }[format]);
    const m = r.value.metrics as Record<string, number | string>;
    expect(m.massSource).toBe('header');
    expect(Math.abs((m.tcOnsetK as number) - v.truth.tcOnsetK!)).toBeLessThan(0.02);
  });

  it('RESISTANCE: a virtual PPMS file gives the same output as analyzeResistanceFile', () => {
    const ppms = simulatePpms({ seed: 5 });
    const bytes = utf8(ppms.text);
    const r = analyzeFile(bytes, { fileName: ppms.fileName });
    if (!r.ok) throw r.error;
    expect([r.value.technique, r.value.format, r.value.analyzer]).toEqual(['RESISTANCE', 'multivu-ppms-resistivity', 'resistance']);
    expect(Math.abs((r.value.metrics as Record<string, number>).tcK - ppms.truth.tcK)).toBeLessThan(0.01);
    expect(r.value).toEqual((analyzeResistanceFile(bytes, {}) as { value: unknown }).value);
  });

  it('DSC: a heating scan with units in its column names goes to the DSC analyzer', () => {
    // 20 K/min from 423 K: a 0.3 mW endothermic step at 474 K (Tg) and an exotherm peaking at 530 K (Tx).
    const rows = ['Time (min),Temperature (°C),Heat Flow (mW)'];
    for (let i = 0; i <= 1000; i++) {
      const tC = 150 + i * 0.2;
      const tK = tC + 273.15;
      const hf = -1 - 0.3 / (1 + Math.exp(-(tK - 474) / 2)) + 4 * Math.exp(-(((tK - 530) / 3) ** 2));
      rows.push(`${(i * 0.01).toFixed(4)},${tC.toFixed(3)},${hf.toFixed(5)}`);
    }
    const bytes = utf8(rows.join('\n'));
    const r = analyzeFile(bytes, { massG: 0.01, exo: 'up' });
    if (!r.ok) throw r.error;
    expect([r.value.technique, r.value.format, r.value.analyzer]).toEqual(['DSC', 'csv-units', 'dsc']);
    const m = r.value.metrics as Record<string, number>;
    expect(m.tgMidK).toBeCloseTo(474, 0);
    expect(m.txPeakK).toBeCloseTo(530, 0);
    expect(r.value).toEqual((analyzeDscFile(bytes, { massG: 0.01, exo: 'up' }) as { value: unknown }).value);
  });

  it.each(['xy-2theta', 'xrdml'] as const)('XRD: a virtual %s pattern goes to the XRD analyzer and recovers q1', (format) => {
    const xrd = virtualXrd(laAlXrdModel(), { format, seed: 4 });
    const r = analyzeFile(xrd.bytes, { fileName: xrd.fileName, wavelengthA: xrd.truth.wavelengthA });
    if (!r.ok) throw r.error;
    expect([r.value.technique, r.value.analyzer]).toEqual(['XRD', 'xrd']);
    expect(Math.abs((r.value.metrics as Record<string, number>).q1InvA / xrd.truth.q1InvA - 1)).toBeLessThan(0.01);
  });

  it('SAXS: a virtual q-I-σ profile goes to the SAXS analyzer and recovers the power-law slope', () => {
    const saxs = virtualSaxs(laAlSaxsModel(), { format: 'q-i-sigma', seed: 4 });
    const r = analyzeFile(saxs.bytes, { fileName: saxs.fileName });
    if (!r.ok) throw r.error;
    expect([r.value.technique, r.value.analyzer]).toEqual(['SAXS', 'saxs']);
    expect((r.value.metrics as Record<string, number>).slope).toBeCloseTo(saxs.truth.slope, 1);
  });

  it('passes a parser error through (mangled Setaram DSC → BAD_NUMBER at line 2)', () => {
    const r = analyzeFile(bytesOf('dsc/pkynetics_Setaram_semicolon_commadecimal_MANGLED.csv'), {});
    expect(codeOf(r)).toBe('ParseError:BAD_NUMBER');
    expect(r.ok ? undefined : (r.error as unknown as { line: number }).line).toBe(2);
  });

  it('params.technique overrides a weak detection, but not a file certainly of another technique', () => {
    // A q, I, σ table reads as SAXS by default (weak evidence); asked for as XRD, XRD analyses it.
    const saxs = virtualSaxs(laAlSaxsModel(false));
    const asXrd = analyzeFile(saxs.bytes, { technique: 'XRD', fileName: saxs.fileName });
    expect(codeOf(asXrd)).not.toBe('AnalysisError:WRONG_TECHNIQUE');
    const r = analyzeFile(bytesOf('ppms/nomadmeas_ACTransport_Hall_TMR_fieldsweep.dat'), { technique: 'MAGNETIC' });
    expect(codeOf(r)).toBe('AnalysisError:WRONG_TECHNIQUE');
  });

  it('EMPTY_FILE, BINARY_CONTENT, UNKNOWN_FORMAT, and a broken MultiVu file explained by its parser', () => {
    expect(codeOf(analyzeFile(new Uint8Array(), {}))).toBe('ParseError:EMPTY_FILE');
    expect(codeOf(analyzeFile(new Uint8Array([0, 1, 2, 0, 255]), {}))).toBe('ParseError:BINARY_CONTENT');
    expect(codeOf(analyzeFile(utf8('hello\nworld\n'), {}))).toBe('ParseError:UNKNOWN_FORMAT');
    const noData = analyzeFile(utf8('[Header]\nBYAPP,MPMS3,1.0,1.1\nINFO,1,SAMPLE_MASS\n'), {});
    expect(codeOf(noData)).toBe('ParseError:MISSING_SECTION');
  });

  it('a real MPMS3 file without a header mass asks for massG', () => {
    const r = analyzeFile(bytesOf('mpms/magnetopy_mvsh3_DC_5K_tabdelimited_MPMS3.dat'), {});
    expect(codeOf(r)).toBe('AnalysisError:MISSING_PARAMETER');
  });
});
