import { TECHNIQUE_REGISTRY } from '../techniques';
import { describeTechniques } from './describe';
import type { TechniqueRegistryView } from './registry';

const magnetic = () => describeTechniques(TECHNIQUE_REGISTRY).find((t) => t.id === 'MAGNETIC')!.metrics;

describe('describeTechniques (GET /api/techniques)', () => {
  it('lists fitted parameters of a group inside a group: the skewed local-Tc fit’s mode and widths, with their errors', () => {
    const byKey = new Map(magnetic().map((m) => [m.key, m]));
    for (const group of ['tcDistribution', 'fcTcDistribution']) {
      expect(byKey.get(`${group}.muK`)).toMatchObject({ kind: 'number', unit: 'K', uncertainty: `${group}.muErrK` });
      for (const [field, err] of [
        ['modeK', 'modeErrK'],
        ['sigmaLowK', 'sigmaLowErrK'],
        ['sigmaHighK', 'sigmaHighErrK'],
      ])
        expect(byKey.get(`${group}.skewed.${field}`)).toMatchObject({ kind: 'number', unit: 'K', uncertainty: `${group}.skewed.${err}` });
    }
    expect(byKey.get('tcDistribution.skewed.modeK')!.label).toBe('local-Tc distribution (this sweep), skewed alternative (split normal): split-normal mode');
    // numbers without an uncertainty stay inside their group, as one level down
    expect(byKey.has('tcDistribution.skewed.deltaAic')).toBe(false);
    expect(byKey.has('tcDistribution.meanK')).toBe(false);
  });

  it("declares each technique's summary as described number or flag metrics, so a reader finds each one's label, unit and uncertainty", () => {
    for (const t of describeTechniques(TECHNIQUE_REGISTRY)) {
      expect(t.summary.length).toBeGreaterThan(0);
      const byKey = new Map(t.metrics.map((m) => [m.key, m]));
      for (const key of t.summary) expect([t.id, key, ['number', 'flag'].includes(byKey.get(key)?.kind ?? '')]).toEqual([t.id, key, true]);
    }
    const magnetic = describeTechniques(TECHNIQUE_REGISTRY).find((t) => t.id === 'MAGNETIC')!;
    expect(magnetic.summary.slice(0, 2)).toEqual(['tcOnsetK', 'tcDistribution.muK']);
  });

  it('stops four groups deep, so a self-similar spec cannot list without end', () => {
    const level = (depth: number): Record<string, unknown> => ({
      xK: { kind: 'number', unit: 'K', label: `x${depth}`, uncertainty: 'xErrK' },
      xErrK: { kind: 'number', unit: 'K', label: `error of x${depth}` },
      ...(depth < 8 ? { inner: { kind: 'group', label: `g${depth + 1}`, fields: level(depth + 1) } } : {}),
    });
    const registry = { list: [{ id: 'DEEP', label: 'deep', formats: '', metrics: { g: { kind: 'group', label: 'g1', fields: level(1) } } }] };
    const keys = describeTechniques(registry as unknown as TechniqueRegistryView)[0].metrics.map((m) => m.key);
    expect(keys).toEqual(['g', 'g.xK', 'g.inner.xK', 'g.inner.inner.xK', 'g.inner.inner.inner.xK']);
  });
});
