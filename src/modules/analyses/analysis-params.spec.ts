import { TECHNIQUE_REGISTRY } from '../../../libs/analysis/src/techniques';
import type { ClaimedRun } from './analyses.repository';
import { paramsFor } from './analysis-params';

const run = (over: Partial<ClaimedRun>): ClaimedRun => ({
  id: 'r1',
  measurementId: 'm1',
  analyzer: 'magnetic',
  attempts: 1,
  content: Buffer.from(''),
  technique: 'MAGNETIC',
  conditions: null,
  sampleId: 's1',
  projectId: 'p1',
  massMg: 2.4,
  densityGCm3: 5.9,
  ...over,
});

describe('paramsFor: conditions and piece facts → the technique’s parameters', () => {
  const fcBytes = new Uint8Array([1, 2, 3]);
  let asked: string[];
  const partner = async (mode: string) => {
    asked.push(mode);
    return fcBytes;
  };
  beforeEach(() => (asked = []));

  it('a ZFC sweep: the measured mass and field win over the piece, the alloy density and the FC partner are added', async () => {
    const p = await paramsFor(
      TECHNIQUE_REGISTRY,
      run({ conditions: { mode: 'ZFC', fieldOe: 20, massMg: 2.137, demagN: 0.1, wavelengthA: 1.54, exo: 'up' } }),
      partner,
    );
    expect(p).toEqual({ technique: 'MAGNETIC', massG: 2.137 / 1000, fieldOe: 20, densityGCm3: 5.9, demagN: 0.1, mode: 'ZFC', fc: fcBytes });
    expect(asked).toEqual(['FC']);
  });

  it('an FC sweep gets no partner; the piece mass is the fallback; a hand-edited wrong value is left out', async () => {
    const p = await paramsFor(TECHNIQUE_REGISTRY, run({ conditions: { mode: 'FC', fieldOe: '20' } }), partner);
    expect(p).toEqual({ technique: 'MAGNETIC', massG: 2.4 / 1000, densityGCm3: 5.9, mode: 'FC' });
    expect(asked).toEqual([]);
  });

  it('DSC and XRD read only their own conditions', async () => {
    const conditions = { mode: 'ZFC', fieldOe: 20, heatingRateKPerMin: 20, exo: 'down', wavelengthA: 1.5406 };
    expect(await paramsFor(TECHNIQUE_REGISTRY, run({ technique: 'DSC', massMg: null, conditions }), partner)).toEqual({
      technique: 'DSC',
      heatingRateKPerMin: 20,
      exo: 'down',
    });
    expect(await paramsFor(TECHNIQUE_REGISTRY, run({ technique: 'XRD', conditions }), partner)).toEqual({ technique: 'XRD', wavelengthA: 1.5406 });
    expect(asked).toEqual([]);
  });
});
