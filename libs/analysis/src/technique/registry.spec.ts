import { analyzeFile, detectFormat } from '../analyze-file';
import { TECHNIQUE_REGISTRY } from '../techniques';
import { decodeMetrics } from './metrics';
import { modeOf, parametersFromConditions, partnerFiles } from './parameters';
import { createTechniqueRegistry } from './registry';
import { defineTechnique } from './technique';
import { TOY, TOY_METRICS, writeToyFile } from '../../../../test/toy-technique/toy.technique';

/** What the worker stores and reads back: metrics through a JSON column. */
const throughJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('a toy technique added through the registry alone', () => {
  const registry = TECHNIQUE_REGISTRY.with(TOY);
  const bytes = writeToyFile({ peakNm: 532, areaCountsNm: 1000 });

  it('is detected, analysed by analyzeFile and stamped with its analyzer', () => {
    expect(registry.detect(bytes)).toEqual({ technique: 'TOY', format: 'toy-v1', confidence: 1 });
    const r = registry.analyzeFile(bytes, { offsetNm: 0.5 });
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({ technique: 'TOY', format: 'toy-v1', analyzer: 'toy', analyzerVersion: '0.1.0', warnings: [] });
    expect(r.value.metrics.peakNm).toBe(532.5);
    expect(r.value.metrics.areaCountsNm as number).toBeCloseTo(1000, 3);
    expect(r.value.metrics.resolved).toBe(true);
  });

  it('is unknown to the built-in registry, which lists what it does read', () => {
    expect(detectFormat(bytes)).toBeUndefined();
    const r = analyzeFile(bytes);
    expect(r.ok ? 'ok' : r.error.message).toMatch(/^not a file of any known technique: MAGNETIC \(MultiVu .dat/);
  });

  it('describes its metrics and report metric, and reads them back from JSON typed', () => {
    expect(TOY.metrics.peakNm).toMatchObject({ kind: 'number', unit: 'nm', label: 'line position' });
    expect(registry.reportMetrics.at(-1)).toEqual({ key: 'toyPeakNm', label: 'Toy line position', unit: 'nm', technique: 'TOY' });
    expect(registry.analyzerVersions.toy).toBe('0.1.0');
    expect(registry.parameters.find((p) => p.key === 'offsetNm')).toMatchObject({ flag: 'offset-nm', spec: { kind: 'number', unit: 'nm' } });
    const r = registry.analyzeFile(bytes);
    if (!r.ok) throw r.error;
    const stored = throughJson({ ...r.value.metrics, format: r.value.format });
    const decoded = TOY.decodeMetrics(stored);
    expect(decoded).toEqual({ peakNm: 532, areaCountsNm: r.value.metrics.areaCountsNm, points: 161, resolved: true });
    expect(TOY.reportValues({ main: stored, byMode: {} })).toEqual({ toyPeakNm: 532 });
    expect(TOY.reportValues({ byMode: {} })).toEqual({ toyPeakNm: null });
  });

  it('takes its parameters from measurement conditions at the typed boundary', () => {
    expect(parametersFromConditions(TOY.parameters, { offsetNm: -1.5, mode: 'ZFC', other: 3 })).toEqual({ offsetNm: -1.5 });
    expect(parametersFromConditions(TOY.parameters, { offsetNm: 'one' })).toEqual({});
    expect(parametersFromConditions(TOY.parameters, null)).toEqual({});
  });

  it('fails readably on a parameter of the wrong kind and on an implausible metric', () => {
    const wrong = registry.analyzeFile(bytes, { technique: 'TOY', offsetNm: Number.NaN });
    expect(wrong.ok ? 'ok' : `${wrong.error.name}:${wrong.error.message}`).toBe(
      'AnalysisError:calibration offset (offsetNm) must be a finite number of nm, got NaN',
    );
    const below = registry.analyzeFile(writeToyFile({ peakNm: 10, areaCountsNm: 5 }), { offsetNm: -20 });
    expect(below.ok ? 'ok' : `${(below.error as { code?: string }).code}: ${below.error.message}`).toBe(
      'IMPLAUSIBLE: line position (peakNm) = -10 nm is outside the physically possible range 0 … ∞ nm',
    );
  });

  it('passes its parser error through with the line', () => {
    const broken = new TextEncoder().encode('# vitrack toy spectrum v1\n1,2\n3,x\n');
    const r = registry.analyzeFile(broken);
    expect(r.ok ? 'ok' : r.error.message).toBe('line 3: "3,x" is not two numbers');
  });
});

describe('the built-in registry', () => {
  it('lists the techniques in report order with their analyzers', () => {
    expect(TECHNIQUE_REGISTRY.ids).toEqual(['MAGNETIC', 'RESISTANCE', 'XRD', 'SAXS', 'DSC']);
    expect(TECHNIQUE_REGISTRY.analyzerVersions).toEqual({ magnetic: '1.3.0', resistance: '1.1.0', xrd: '1.3.0', saxs: '1.1.0', dsc: '1.1.0' });
    expect(TECHNIQUE_REGISTRY.byAnalyzer('xrd')?.id).toBe('XRD');
    expect(TECHNIQUE_REGISTRY.has('TOY')).toBe(false);
  });

  it('has the report metrics in display order, one with the decay fit, three in the figure', () => {
    const metrics = TECHNIQUE_REGISTRY.reportMetrics;
    expect(metrics.map((m) => `${m.technique}.${m.key}`)).toEqual([
      'MAGNETIC.tcOnsetK',
      'MAGNETIC.tcMidK',
      'MAGNETIC.chiAbs1p8KEmuPerGOe',
      'MAGNETIC.shieldingFraction1p8K',
      'MAGNETIC.fcZfcRatio',
      'MAGNETIC.tcSigmaK',
      'RESISTANCE.tcResistiveK',
      'XRD.q1InvA',
      'XRD.q1FwhmInvA',
      'DSC.dhRelaxJPerG',
    ]);
    expect(metrics.filter((m) => m.decayFit).map((m) => m.key)).toEqual(['chiAbs1p8KEmuPerGOe']);
    expect(metrics.filter((m) => m.figure).map((m) => m.key)).toEqual(['tcOnsetK', 'chiAbs1p8KEmuPerGOe', 'fcZfcRatio']);
  });

  it('merges the parameters once per key with their command-line flags', () => {
    expect(TECHNIQUE_REGISTRY.parameters.map((p) => p.flag)).toEqual([
      'mass-g',
      'field-oe',
      'density-g-cm3',
      'demag',
      'mode',
      'fc',
      'channel',
      'wavelength-a',
      'reference',
      'exo',
      'heating-rate-k-per-min',
    ]);
  });

  it('derives |χ|(1.8 K) from the signed χ and FC/ZFC from either run', () => {
    const mag = TECHNIQUE_REGISTRY.get('MAGNETIC');
    const zfc = { chiMass1p8K: -0.008, tcOnsetK: 3.6, fcZfcRatio: null };
    const fc = { chiMass1p8K: -0.002 };
    expect(mag.reportValues({ main: zfc, byMode: { ZFC: zfc, FC: fc } })).toMatchObject({ tcOnsetK: 3.6, chiAbs1p8KEmuPerGOe: 0.008, fcZfcRatio: 0.25 });
    expect(mag.reportValues({ main: { ...zfc, fcZfcRatio: 0.3 }, byMode: { FC: fc } }).fcZfcRatio).toBe(0.3);
    expect(mag.reportValues({ main: { chiMass1p8K: 0 }, byMode: { FC: fc } }).fcZfcRatio).toBeNull();
    expect(mag.reportValues({ byMode: { FC: fc } })).toMatchObject({ chiAbs1p8KEmuPerGOe: null, fcZfcRatio: null });
  });

  it('reads the worker parameters of each technique from conditions and sample facts', () => {
    const mag = TECHNIQUE_REGISTRY.get('MAGNETIC');
    const conditions = { massMg: 2.137, fieldOe: 20, mode: 'ZFC', exo: 'up', wavelengthA: 1.54, demagN: 'x' };
    expect(parametersFromConditions(mag.parameters, conditions, { massG: 0.003, densityGCm3: 5.9 })).toEqual({
      massG: 2.137 / 1000,
      fieldOe: 20,
      densityGCm3: 5.9,
      mode: 'ZFC',
    });
    expect(parametersFromConditions(mag.parameters, {}, { massG: 0.003 })).toEqual({ massG: 0.003 });
    const dsc = TECHNIQUE_REGISTRY.get('DSC');
    expect(parametersFromConditions(dsc.parameters, { ...conditions, exo: 'sideways', heatingRateKPerMin: 20 })).toEqual({
      massG: 2.137 / 1000,
      heatingRateKPerMin: 20,
    });
    expect(partnerFiles(mag.parameters, 'ZFC')).toEqual([{ key: 'fc', mode: 'FC' }]);
    expect(partnerFiles(mag.parameters, null)).toEqual([{ key: 'fc', mode: 'FC' }]);
    expect(partnerFiles(mag.parameters, 'FC')).toEqual([]);
    expect(partnerFiles(dsc.parameters, 'ZFC')).toEqual([]);
    expect([modeOf({ mode: 'FC' }), modeOf({ mode: 'zfc' }), modeOf(null)]).toEqual(['FC', null, null]);
  });
});

describe('registry rules', () => {
  const variant = (id: string, over: Partial<Parameters<typeof defineTechnique>[0]> = {}) =>
    defineTechnique({ ...TOY, id, analyzer: { name: id.toLowerCase(), version: '1.0.0' }, reportMetrics: [], ...over });

  it('refuses a technique listed twice, a shared analyzer, a clashing parameter or report key', () => {
    expect(() => createTechniqueRegistry([TOY, TOY])).toThrow(/technique TOY is listed twice.*analyzer "toy" belongs to TOY and TOY/);
    const clash = variant('TOY2', { parameters: { offsetNm: { kind: 'number', unit: 'Å', label: 'offset' } } });
    expect(() => createTechniqueRegistry([TOY, clash])).toThrow('parameter offsetNm differs between TOY and TOY2');
    const sameKey = variant('TOY3', { reportMetrics: [{ key: 'toyPeakNm', label: 'again', unit: 'nm', reads: ['peakNm'], value: () => null }] });
    expect(() => createTechniqueRegistry([TOY, sameKey])).toThrow('report metric toyPeakNm is declared twice');
    const flag = variant('TOY4', { parameters: { offset: { kind: 'number', unit: 'nm', label: 'offset', cli: 'offset-nm' } } });
    expect(() => createTechniqueRegistry([TOY, flag])).toThrow('flag --offset-nm of TOY4.offset is taken');
  });

  it('refuses a report metric that reads no stored metric, an unknown one or a field of a non-group', () => {
    const reading = (id: string, reads: string[]) => variant(id, { reportMetrics: [{ key: `${id}Value`, label: id, unit: '', reads, value: () => null }] });
    expect(() => createTechniqueRegistry([reading('NONE', [])])).toThrow('report metric NONEValue declares no stored metric it reads');
    expect(() => createTechniqueRegistry([reading('TYPO', ['peakNM'])])).toThrow('report metric TYPOValue reads peakNM is not a stored metric of TYPO');
    expect(() => createTechniqueRegistry([reading('DEEP', ['peakNm.value'])])).toThrow('reads peakNm is a number metric, not a group with fields of DEEP');
    expect(createTechniqueRegistry([reading('FINE', ['peakNm', 'resolved'])]).reportReads).toEqual(['peakNm', 'resolved']);
    expect(TECHNIQUE_REGISTRY.reportReads).toContain('tcDistribution.sigmaK');
  });

  it("declares the report figure's panels: the report metrics with a figure, in display order", () => {
    const panel = variant('PANEL', {
      reportMetrics: [{ key: 'panelNm', label: 'Panel', unit: 'nm', reads: ['peakNm'], figure: { yName: 'P (nm)' }, value: () => null }],
    });
    expect(createTechniqueRegistry([TOY, panel]).reportPanels).toEqual([{ key: 'panelNm', title: 'Panel', yName: 'P (nm)' }]);
    expect(TECHNIQUE_REGISTRY.reportPanels.map((p) => p.key)).toEqual(['tcOnsetK', 'chiAbs1p8KEmuPerGOe', 'fcZfcRatio']);
  });

  it('breaks confidence ties by registry order and prefers the more specific evidence', () => {
    const weak = variant('WEAK', { detect: () => ({ format: 'anything', confidence: 0.2 }) });
    const alsoToy = variant('TWIN', { detect: (s) => TOY.detect(s) });
    const bytes = writeToyFile({ peakNm: 500, areaCountsNm: 1 });
    expect(
      createTechniqueRegistry([weak, alsoToy, TOY])
        .detectAll(bytes)
        .map((d) => d.technique),
    ).toEqual(['TWIN', 'TOY', 'WEAK']);
    expect(createTechniqueRegistry([TOY, alsoToy]).detect(bytes)?.technique).toBe('TOY');
  });
});

describe('decodeMetrics', () => {
  it('reads every declared key, null where missing or mistyped, and drops the rest', () => {
    expect(decodeMetrics(TOY_METRICS, { peakNm: '532', areaCountsNm: null, resolved: 1, extra: 5 })).toEqual({
      peakNm: null,
      areaCountsNm: null,
      points: null,
      resolved: null,
    });
    expect(decodeMetrics(TOY_METRICS, 'not an object')).toEqual({ peakNm: null, areaCountsNm: null, points: null, resolved: null });
  });

  it('decodes lists, number arrays and closed text values', () => {
    const res = TECHNIQUE_REGISTRY.get('RESISTANCE');
    const d = res.decodeMetrics({ tcK: 3.55, hc2Points: [{ fieldT: 0, tcK: 3.55 }, { fieldT: 'x', tcK: 3.1 }, 7] });
    expect(d).toMatchObject({
      tcK: 3.55,
      hc2Points: [
        { fieldT: 0, tcK: 3.55 },
        { fieldT: null, tcK: 3.1 },
      ],
      xiNm: null,
    });
    const xrd = TECHNIQUE_REGISTRY.get('XRD').decodeMetrics({ braggPeaksInvA: [1.9, 2.4], fitWindowInvA: [1, null], crystalline: true });
    expect(xrd).toMatchObject({ braggPeaksInvA: [1.9, 2.4], fitWindowInvA: null, crystalline: true });
    expect(TECHNIQUE_REGISTRY.get('SAXS').decodeMetrics({ sigmaSource: 'guess' }).sigmaSource).toBeNull();
  });
});

describe('analyzeFile decodes a file once', () => {
  it('hands the parser the sample detection decoded, whether the technique was detected or requested', () => {
    const seen: unknown[] = [];
    const watching = defineTechnique({
      ...TOY,
      parse(bytes, input) {
        seen.push(input.sample);
        return TOY.parse(bytes, input);
      },
    });
    const registry = createTechniqueRegistry([watching]);
    const bytes = writeToyFile({ peakNm: 532, areaCountsNm: 1000 });
    for (const params of [{}, { technique: 'TOY' as const }]) {
      const r = registry.analyzeFile(bytes, params);
      if (!r.ok) throw r.error;
    }
    expect(seen).toHaveLength(2);
    for (const sample of seen as { bytes: Uint8Array; decoded: { text: string; encoding: string } }[]) {
      expect(sample.bytes).toBe(bytes);
      expect(sample.decoded).toEqual({ text: new TextDecoder().decode(bytes), encoding: 'utf-8' });
    }
  });
});
