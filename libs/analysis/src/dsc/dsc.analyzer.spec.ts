import { VirtualDscOptions, virtualDscScan } from '../../../instruments/src/dsc';
import { analyzeFile } from '../analyze-file';
import type { AnalyzeParams } from '../techniques';
import { analyzeDsc, parseDsc } from './index';
import { DSC_FORMATS, DscScan } from './dsc.types';

/** The technique's analysis through the registry, as the worker runs it (technique given). */
const analyzeDscFile = (bytes: Uint8Array, params: AnalyzeParams = {}) => analyzeFile(bytes, { ...params, technique: 'DSC' });

function scanOf(opts: VirtualDscOptions): { scan: DscScan; file: ReturnType<typeof virtualDscScan> } {
  const file = virtualDscScan(opts);
  // STARe exports carry no exo direction; the person states it.
  const parsed = parseDsc(file.bytes, { exo: opts.format === 'mettler-stare' ? (opts.exo ?? 'up') : undefined });
  if (!parsed.ok) throw parsed.error;
  return { scan: parsed.value, file };
}

describe('analyzeDsc on virtual La75Al25 heating scans (truth from the noise-free model)', () => {
  const cases = DSC_FORMATS.flatMap((format) =>
    (['up', 'down'] as const).flatMap((exo) => [0, 3e-4, 1e-3].map((noiseWPerG, k) => ({ format, exo, noiseWPerG, seed: 11 + k }))),
  );

  it.each(cases)('$format exo $exo noise $noiseWPerG W/g: onsets within 1 K, enthalpies within 5 %', ({ format, exo, noiseWPerG, seed }) => {
    const { scan, file } = scanOf({ format, exo, noiseWPerG, seed });
    const result = analyzeDsc(scan);
    if (!result.ok) throw result.error;
    const m = result.value.metrics;
    const t = file.truth;
    expect(Math.abs((m.tgOnsetK ?? NaN) - t.tgOnsetK)).toBeLessThan(1);
    expect(Math.abs((m.txOnsetK ?? NaN) - t.txOnsetK)).toBeLessThan(1);
    expect(Math.abs((m.txPeakK ?? NaN) - t.txPeakK)).toBeLessThan(1);
    expect(Math.abs((m.dhCrystJPerG ?? NaN) / t.dhCrystJPerG - 1)).toBeLessThan(0.05);
    expect(Math.abs((m.dhRelaxJPerG ?? NaN) / t.dhRelaxJPerG - 1)).toBeLessThan(0.05);
    expect(m.relaxBaseline).toBe('linear');
    expect(m.heatingRateKPerMin).toBeCloseTo(20, 2);
    expect(m.tgMidK).toBeGreaterThan(m.tgOnsetK ?? Infinity);
    expect(m.dTxK).toBeCloseTo(t.txOnsetK - t.tgOnsetK, 0);
  });

  it('places Tg onset near 474 K and the first crystallization onset at 500 ± 5 K for the default glass', () => {
    const { scan, file } = scanOf({ format: 'csv-units', seed: 3 });
    const m = analyzeDsc(scan);
    if (!m.ok) throw m.error;
    expect(file.truth.tgOnsetK).toBeCloseTo(474.4, 0);
    expect(m.value.metrics.tgOnsetK).toBeCloseTo(474.4, 0);
    expect(Math.abs((m.value.metrics.txOnsetK ?? NaN) - 500)).toBeLessThan(5);
  });

  it('follows the truth when Tg, Tx and the enthalpies move', () => {
    const model = { tgMidK: 470, crystTcK: 512, dhCrystJPerG: 28, dhRelaxJPerG: 4.5 };
    const { scan, file } = scanOf({ format: 'netzsch-proteus', seed: 5, noiseWPerG: 3e-4, model });
    const r = analyzeDsc(scan);
    if (!r.ok) throw r.error;
    const m = r.value.metrics;
    expect(Math.abs((m.tgOnsetK ?? NaN) - file.truth.tgOnsetK)).toBeLessThan(1);
    expect(Math.abs((m.txOnsetK ?? NaN) - file.truth.txOnsetK)).toBeLessThan(1);
    expect((m.dhCrystJPerG ?? NaN) / 28).toBeCloseTo(1, 1);
    expect((m.dhRelaxJPerG ?? NaN) / 4.5).toBeCloseTo(1, 1);
  });

  it('uses the heating rate from the parameters when the file has no time column, and integrates consistently', () => {
    const file = virtualDscScan({ format: 'csv-units', seed: 9, model: { heatingRateKPerMin: 10 } });
    // Drop the time column: enthalpy then depends on the stated rate.
    const text = file.text.replace(/^([^,#\n]*),/gm, '');
    const parsed = parseDsc(new TextEncoder().encode(text));
    if (!parsed.ok) throw parsed.error;
    expect(parsed.value.timeMin).toBeUndefined();
    const without = analyzeDsc(parsed.value);
    if (!without.ok) throw without.error;
    expect(without.value.metrics.dhCrystJPerG).toBeNull();
    expect(without.value.warnings.join(' ')).toMatch(/heating rate unknown/);
    const withRate = analyzeDsc(parsed.value, { heatingRateKPerMin: 10 });
    if (!withRate.ok) throw withRate.error;
    expect(Math.abs((withRate.value.metrics.dhCrystJPerG ?? NaN) / 35 - 1)).toBeLessThan(0.05);
    expect(Math.abs((withRate.value.metrics.tgOnsetK ?? NaN) - file.truth.tgOnsetK)).toBeLessThan(1);
  });

  it('keeps onsets but reports no enthalpies when the mass is unknown', () => {
    const { scan, file } = scanOf({ format: 'ta-universal-analysis', statesMass: false, seed: 4 });
    expect(scan.heatFlowUnit).toBe('mW');
    const r = analyzeDsc(scan);
    if (!r.ok) throw r.error;
    expect(Math.abs((r.value.metrics.tgOnsetK ?? NaN) - file.truth.tgOnsetK)).toBeLessThan(1);
    expect(r.value.metrics.dhCrystJPerG).toBeNull();
    expect(r.value.warnings.join(' ')).toMatch(/no sample mass/);
  });

  it('returns downsampled curves of at most 500 points', () => {
    const { scan } = scanOf({ format: 'pyris-ascii', seed: 2, samplePeriodS: 0.2 });
    expect(scan.temperatureK.length).toBeGreaterThan(2000);
    const r = analyzeDsc(scan);
    if (!r.ok) throw r.error;
    expect(r.value.curves.heatFlow.x.length).toBeLessThanOrEqual(500);
    expect(r.value.curves.heatFlow.x.length).toBe(r.value.curves.heatFlow.y.length);
  });
});

describe('relaxation enthalpy against a reference scan', () => {
  const pair = (dhSample: number, dhReference: number, noiseWPerG: number) => {
    const sample = virtualDscScan({ format: 'ta-universal-analysis', seed: 21, noiseWPerG, model: { dhRelaxJPerG: dhSample } });
    // The reference is another run: other noise, other instrument offset and slope.
    const reference = virtualDscScan({
      format: 'ta-universal-analysis',
      seed: 22,
      noiseWPerG,
      offsetMw: -0.2,
      slopeMwPerK: 6e-4,
      model: { dhRelaxJPerG: dhReference },
    });
    return { sample, reference };
  };

  it.each([
    { label: 'as-quenched vs relaxed rescan', dhSample: 2.0, dhReference: 0, noise: 3e-4 },
    { label: 'cryo-cycled (grown) vs relaxed rescan', dhSample: 3.2, dhReference: 0, noise: 3e-4 },
    { label: 'annealed (shrunk) vs partially relaxed reference', dhSample: 0.9, dhReference: 0.3, noise: 2e-4 },
  ])('$label: ΔH_relax within 5 % of sample − reference', ({ dhSample, dhReference, noise }) => {
    const { sample, reference } = pair(dhSample, dhReference, noise);
    const out = analyzeDscFile(sample.bytes, { reference: reference.bytes });
    if (!out.ok) throw out.error;
    expect(out.value.metrics.relaxBaseline).toBe('reference');
    const expected = dhSample - dhReference;
    expect(Math.abs((out.value.metrics.dhRelaxJPerG as number) / expected - 1)).toBeLessThan(0.05);
    expect(out.value.curves?.relaxDifference?.x.length).toBeLessThanOrEqual(500);
  });

  it('ranks annealed < as-quenched < cryo-cycled', () => {
    const values = [0.8, 2.0, 3.2].map((dh) => {
      const { sample, reference } = pair(dh, 0, 3e-4);
      const out = analyzeDscFile(sample.bytes, { reference: reference.bytes });
      if (!out.ok) throw out.error;
      return out.value.metrics.dhRelaxJPerG as number;
    });
    expect(values[0]).toBeLessThan(values[1]);
    expect(values[1]).toBeLessThan(values[2]);
  });

  it('fills the AnalysisOutput envelope', () => {
    const { sample } = pair(2, 0, 2e-4);
    const out = analyzeDscFile(sample.bytes, { fileName: sample.fileName });
    if (!out.ok) throw out.error;
    expect(out.value).toMatchObject({ technique: 'DSC', format: 'ta-universal-analysis', analyzer: 'dsc', analyzerVersion: '1.1.0' });
    expect(out.value.metrics).toMatchObject({ massMg: 9.52, exo: 'up', exoSource: 'file', relaxBaseline: 'linear' });
  });
});
