import { readFileSync } from 'fs';
import { join } from 'path';
import { virtualDscScan } from '../../../instruments/src/dsc';
import { analyzeFile } from '../analyze-file';
import type { AnalyzeParams } from '../techniques';
import { analyzeDsc, detectDscFormat, parseDsc } from './index';
import { DSC_FORMATS } from './dsc.types';

/** The technique's analysis through the registry, as the worker runs it (technique given). */
const analyzeDscFile = (bytes: Uint8Array, params: AnalyzeParams = {}) => analyzeFile(bytes, { ...params, technique: 'DSC' });

const REAL = join(__dirname, '../../../../test/fixtures/real/dsc');
const TA_REAL = join(REAL, 'pkynetics_TA-2920-MDSC_UniversalAnalysis_eicosane_latin1.txt');
const SETARAM_MANGLED = join(REAL, 'pkynetics_Setaram_semicolon_commadecimal_MANGLED.csv');

describe('real TA Instruments Universal Analysis export (eicosane, 2920 MDSC)', () => {
  const bytes = new Uint8Array(readFileSync(TA_REAL));

  it('is detected from its content', () => {
    expect(detectDscFormat(new TextDecoder('latin1').decode(bytes))).toBe('ta-universal-analysis');
  });

  it('parses 19 004 rows less the 4 time = -1 sentinels, 9.0 mg, °C → K, Exotherm Up', () => {
    const r = parseDsc(bytes);
    if (!r.ok) throw r.error;
    const s = r.value;
    expect(s.format).toBe('ta-universal-analysis');
    expect(s.temperatureK).toHaveLength(19000);
    expect(s.massMg).toBe(9);
    expect(s.exo).toBe('up');
    expect(s.exoSource).toBe('file');
    expect(s.heatFlowUnit).toBe('W/g');
    // First real row: 187.9960  -21.18184 °C  -10.46185 mW
    expect(s.temperatureK[0]).toBeCloseTo(-21.18184 + 273.15, 6);
    expect(s.heatFlow[0]).toBeCloseTo(-10.46185 / 9, 8);
    expect(s.timeMin?.[0]).toBeCloseTo(187.996, 6);
    expect(Math.min(...(s.timeMin ?? []))).toBeGreaterThan(0);
    expect(s.warnings).toContain('dropped 4 sentinel rows (time -1)');
  });

  it('is a melting run of eicosane, not a glass: no Tg/Tx, a clear warning, and a sensible melting endotherm', () => {
    const r = parseDsc(bytes);
    if (!r.ok) throw r.error;
    const a = analyzeDsc(r.value);
    if (!a.ok) throw a.error;
    const m = a.value.metrics;
    expect(m.tgOnsetK).toBeNull();
    expect(m.txOnsetK).toBeNull();
    expect(m.dhCrystJPerG).toBeNull();
    expect(a.value.warnings.join('\n')).toMatch(/does not look like a metallic-glass heating scan/);
    // Only the heating half (−21 → 69 °C) is analyzed; the run is at ≈ 1 K/min.
    expect(a.value.warnings.join('\n')).toMatch(/outside the main heating segment/);
    expect(m.heatingRateKPerMin).toBeCloseTo(1, 1);
    // Eicosane melts at ≈ 36–37 °C with ΔH_fus ≈ 247 J/g (literature); MDSC total heat flow here.
    expect(m.meltOnsetK).toBeGreaterThan(273.15 + 33);
    expect(m.meltOnsetK).toBeLessThan(273.15 + 38);
    expect(m.meltPeakK).toBeGreaterThan(m.meltOnsetK ?? Infinity);
    expect(m.dhMeltJPerG).toBeGreaterThan(200);
    expect(m.dhMeltJPerG).toBeLessThan(300);
  });
});

describe('mangled Setaram CSV (thousands-separator-corrupted numbers)', () => {
  it('is rejected with BAD_NUMBER naming line 2 and the reason', () => {
    const r = parseDsc(new Uint8Array(readFileSync(SETARAM_MANGLED)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_NUMBER');
    expect(r.error.line).toBe(2);
    expect(r.error.message).toMatch(/45\.793\.053/);
    expect(r.error.message).toMatch(/thousands-separator/);
  });

  it('fails the same way through analyzeDscFile', () => {
    const r = analyzeDscFile(new Uint8Array(readFileSync(SETARAM_MANGLED)), {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('ParseError');
  });
});

describe('virtual-instrument files in every format', () => {
  it.each(DSC_FORMATS.flatMap((format) => (['up', 'down'] as const).map((exo) => ({ format, exo }))))('$format exo $exo round-trips', ({ format, exo }) => {
    const file = virtualDscScan({ format, exo, seed: 1, noiseWPerG: 0 });
    expect(detectDscFormat(new TextDecoder('latin1').decode(file.bytes))).toBe(format);
    const r = parseDsc(file.bytes, { exo: format === 'mettler-stare' ? exo : undefined });
    if (!r.ok) throw r.error;
    const s = r.value;
    expect(s.format).toBe(format);
    expect(s.exo).toBe(exo);
    expect(s.exoSource).toBe(format === 'mettler-stare' ? 'params' : 'file');
    expect(s.massMg).toBeCloseTo(9.52, 6);
    expect(s.heatFlowUnit).toBe('W/g');
    expect(s.temperatureK.length).toBe(1501);
    expect(s.temperatureK[0]).toBeCloseTo(323.15, 1);
    expect(s.temperatureK[s.temperatureK.length - 1]).toBeCloseTo(573.15, 1);
    // Start of the scan: glass baseline ≈ −β·cp ≈ −0.07 W/g plus the instrument offset and hook, exo up.
    const sign = exo === 'up' ? 1 : -1;
    const mid = Math.floor(s.heatFlow.length / 10);
    expect(sign * s.heatFlow[mid]).toBeGreaterThan(-0.1);
    expect(sign * s.heatFlow[mid]).toBeLessThan(-0.02);
    expect(s.timeMin?.[s.timeMin.length - 1]).toBeCloseTo(12.5, 3);
  });

  it('reads STARe without an exo statement with a default and a warning', () => {
    const r = parseDsc(virtualDscScan({ format: 'mettler-stare', statesExo: false }).bytes);
    if (!r.ok) throw r.error;
    expect(r.value.exoSource).toBe('default');
    expect(r.value.exo).toBe('up');
    expect(r.value.warnings.join(' ')).toMatch(/exotherm direction not stated/);
  });

  it('reads the `T/K;HF/(W/g)` CSV variant and NETZSCH comma decimals', () => {
    const csv = parseDsc(virtualDscScan({ format: 'csv-units', csvStyle: 'semicolon-kelvin-Wg', exo: 'down' }).bytes);
    if (!csv.ok) throw csv.error;
    expect(csv.value.columns).toEqual({ temperature: 'T', heatFlow: 'HF', time: 't' });
    expect(csv.value.exo).toBe('down');
    expect(csv.value.massMg).toBeUndefined();
    expect(csv.value.heatFlowUnit).toBe('W/g');
    expect(csv.value.temperatureK[0]).toBeCloseTo(323.15, 1);
    const nz = parseDsc(virtualDscScan({ format: 'netzsch-proteus', netzschDecimalComma: true }).bytes);
    if (!nz.ok) throw nz.error;
    expect(nz.value.temperatureK[0]).toBeCloseTo(323.15, 1);
    expect(nz.value.programRateKPerMin).toBe(20);
  });

  it('lets params.massG and params.exo override the header, with warnings', () => {
    const file = virtualDscScan({ format: 'ta-universal-analysis', exo: 'up', noiseWPerG: 0 });
    const base = parseDsc(file.bytes);
    const over = parseDsc(file.bytes, { massG: 0.01904, exo: 'down' });
    if (!base.ok || !over.ok) throw new Error('parse failed');
    // Twice the mass → half the specific heat flow.
    expect(over.value.heatFlow[100] / base.value.heatFlow[100]).toBeCloseTo(0.5, 6);
    expect(over.value.massMg).toBeCloseTo(19.04, 6);
    expect(over.value.exo).toBe('down');
    expect(over.value.warnings.join(' ')).toMatch(/overrides 9.52 mg/);
    expect(over.value.warnings.join(' ')).toMatch(/exo down from the parameters overrides exo up/);
  });

  it('keeps mW and warns when no mass is known', () => {
    const r = parseDsc(virtualDscScan({ format: 'pyris-ascii', statesMass: false, noiseWPerG: 0 }).bytes);
    if (!r.ok) throw r.error;
    expect(r.value.heatFlowUnit).toBe('mW');
    expect(r.value.warnings.join(' ')).toMatch(/no sample mass/);
  });
});

describe('format detection and bad inputs', () => {
  it('uses the file name only to break a content tie', () => {
    const both = '#EXPORTTYPE:DATA ALL\nCurve Values:\n';
    expect(detectDscFormat(both, 'run.dsv')).toBe('netzsch-proteus');
    expect(detectDscFormat(both, 'mettler_run.txt')).toBe('mettler-stare');
    // Content wins over a misleading name.
    expect(detectDscFormat('Temperature (°C),Heat Flow (mW)\n1,2\n', 'netzsch.txt')).toBe('csv-units');
    expect(detectDscFormat('hello world\n1 2 3\n', 'x.csv')).toBeUndefined();
  });

  it.each([
    { label: 'empty', bytes: new Uint8Array(0), code: 'EMPTY_FILE' },
    { label: 'binary', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 5]), code: 'BINARY_CONTENT' },
    { label: 'unknown text', bytes: new TextEncoder().encode('just some notes\nabout a sample\n'), code: 'UNKNOWN_FORMAT' },
    {
      label: 'TA without data',
      bytes: new TextEncoder().encode('Nsig\t2\nSig1\tTemperature (°C)\nSig2\tHeat Flow (mW)\nStartOfData\n1\t2\n'),
      code: 'TOO_FEW_POINTS',
    },
    { label: 'CSV without heat flow', bytes: new TextEncoder().encode('Temperature (°C),Mass (mg)\n1,2\n'), code: 'UNKNOWN_FORMAT' },
    { label: 'CSV with a text cell', bytes: new TextEncoder().encode('T (K),HF (mW)\n300,1\n301,oops\n'), code: 'BAD_NUMBER' },
  ])('$label → $code', ({ bytes, code }) => {
    const r = parseDsc(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
});
