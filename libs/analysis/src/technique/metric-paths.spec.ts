import { plotSpecimens } from '../../../instruments/src/plot-specimens';
import { CROSS_TECHNIQUE_READS, crossTechniqueOfRuns } from '../cross-technique/piece-runs';
import { TECHNIQUE_REGISTRY } from '../techniques';
import { metricPathPlan, metricsFromPicked, pickMetrics, unknownMetricPath } from './metric-paths';

/** What a report fetches: the registry's report reads and the cross-technique comparison's (as src/modules/reports/report-metric-plan.ts). */
const plan = metricPathPlan([...TECHNIQUE_REGISTRY.reportReads, ...Object.values(CROSS_TECHNIQUE_READS).flat()]);

/** Each specimen file analysed (the magnetic one with a density, for its shielding fraction), its stored metrics as the worker writes them (JSON round trip). */
const stored = plotSpecimens().map((s) => {
  const params = { technique: s.technique, fileName: s.fileName, ...s.conditions, ...(s.technique === 'MAGNETIC' && { densityGCm3: 6.2 }) };
  const out = TECHNIQUE_REGISTRY.analyzeFile(new TextEncoder().encode(s.text), params);
  if (!out.ok) throw new Error(`${s.technique}: ${out.error.message}`);
  return { technique: s.technique, metrics: JSON.parse(JSON.stringify(out.value.metrics)) as Record<string, unknown> };
});

describe('metricPathPlan', () => {
  it('fetches each top-level key once, whole, in first-declared order', () => {
    expect(metricPathPlan(['tcK', 'tcDistribution.sigmaK', 'tcDistribution', 'width1090K', 'tcK']).keys).toEqual(['tcK', 'tcDistribution', 'width1090K']);
  });

  it('gives every built-in report metric and the cross-technique comparison the values the whole metrics give', () => {
    let numbers = 0;
    for (const { technique, metrics } of stored) {
      const t = TECHNIQUE_REGISTRY.get(technique);
      const picked = pickMetrics(plan, metrics)!;
      // The picked object is much smaller than what the analyzer stores (the point of picking).
      expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(metrics).length);
      const runs = (m: unknown) => ({ main: m, byMode: t.modes ? { ZFC: m, FC: m } : {} });
      const whole = t.reportValues(runs(metrics));
      expect(t.reportValues(runs(picked))).toEqual(whole);
      numbers += Object.values(whole).filter((v) => typeof v === 'number').length;
    }
    // Every report metric the specimens can give is a number here, so a missing read would show.
    expect(numbers).toBe(TECHNIQUE_REGISTRY.reportMetrics.length);
    const run = (technique: string, mode: 'ZFC' | null, m: unknown) => ({ technique, mode, runId: technique, analyzer: 'a', analyzerVersion: '1', metrics: m });
    const zfc = stored.find((s) => s.technique === 'MAGNETIC')!.metrics;
    const res = stored.find((s) => s.technique === 'RESISTANCE')!.metrics;
    const whole = crossTechniqueOfRuns([run('MAGNETIC', 'ZFC', zfc), run('RESISTANCE', null, res)]);
    expect(whole.missing).toEqual([]);
    expect(crossTechniqueOfRuns([run('MAGNETIC', 'ZFC', pickMetrics(plan, zfc)), run('RESISTANCE', null, pickMetrics(plan, res))])).toEqual(whole);
  });

  it('would read nulls without a declared path: leaving chiMass1p8K out changes |χ| and FC/ZFC', () => {
    const magnetic = TECHNIQUE_REGISTRY.get('MAGNETIC');
    const metrics = stored.find((s) => s.technique === 'MAGNETIC')!.metrics;
    const short = metricPathPlan(plan.keys.filter((k) => k !== 'chiMass1p8K' && k !== 'fcZfcRatio'));
    const values = magnetic.reportValues({ main: pickMetrics(short, metrics), byMode: {} });
    expect(values.chiAbs1p8KEmuPerGOe).toBeNull();
    expect(magnetic.reportValues({ main: metrics, byMode: {} }).chiAbs1p8KEmuPerGOe).toEqual(expect.any(Number));
  });
});

describe('pickMetrics and metricsFromPicked', () => {
  const small = metricPathPlan(['a', 'b.c']);

  it('keeps the planned keys present, null for metrics that are no object', () => {
    expect(pickMetrics(small, { a: 1, b: { c: 2, d: 3 }, e: 4 })).toEqual({ a: 1, b: { c: 2, d: 3 } });
    expect(pickMetrics(small, { e: 4 })).toEqual({});
    expect(pickMetrics(small, [1])).toBeNull();
    expect(pickMetrics(small, null)).toBeNull();
  });

  it('passes a picked object or null through, and refuses anything else', () => {
    expect(metricsFromPicked(small, { a: 1 })).toEqual({ a: 1 });
    expect(metricsFromPicked(small, null)).toBeNull();
    expect(() => metricsFromPicked(small, [1])).toThrow('picked metrics are not a JSON object');
    expect(() => metricsFromPicked(small, { a: 1, segments: [] })).toThrow('picked metrics hold segments, which the plan does not fetch');
  });

  it('names a path that is no stored metric', () => {
    const specs = TECHNIQUE_REGISTRY.get('MAGNETIC').metrics;
    expect(unknownMetricPath(specs, 'tcDistribution.sigmaK')).toBeUndefined();
    expect(unknownMetricPath(specs, 'tcDistribution.nope')).toBe('tcDistribution.nope is not a stored metric');
    expect(unknownMetricPath(specs, 'constructor')).toBe('constructor is not a stored metric');
  });
});
