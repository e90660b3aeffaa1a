import type { SampleRow } from '../../infra/database/schema';
import { deriveSummary, stepsBySample, stepsOfChain, type StepRow } from './sample-view';

const at = (min: number) => new Date(Date.UTC(2026, 0, 5, 8, min));
let seq = 0;
const step = (sampleId: string, kind: StepRow['kind'], performedMin: number, params: object, retracted = false): StepRow => ({
  id: `step-${++seq}`,
  sampleId,
  seq,
  kind,
  params,
  flags: [],
  overrideReason: null,
  performedAt: at(performedMin),
  createdById: 'u',
  createdAt: at(100 + seq),
  retraction: retracted ? { by: 'u', byName: 'A. User', at: at(200), reason: 'wrong piece' } : null,
});
const sample = (id: string, kind: SampleRow['kind'], createdMin: number) => ({ id, kind, createdAt: at(createdMin) });
const anneal = (holdMin: number) => ({ targetK: 453, heatingRateKPerMin: 10, holdMin, atmosphere: 'Ar', cooling: 'furnace' });
const cryo = (cycles: number) => ({ lowK: 77, highK: 293, cycles, dwellS: 60, media: 'LN2' });

describe('stepsBySample and stepsOfChain', () => {
  const ribbon = sample('r', 'RIBBON', 1);
  const pieces = [sample('p1', 'PIECE', 10), sample('p2', 'PIECE', 20), sample('p3', 'PIECE', 30)];
  // Interleaved as a statement over many samples returns them; the ribbon's 15-min anneal lands between the cuts.
  const steps = [
    step('r', 'MELT_SPIN', 1, {}),
    step('p1', 'CUT', 10, {}),
    step('r', 'ANNEAL', 15, anneal(5)),
    step('p2', 'CUT', 20, {}),
    step('p1', 'CRYO_CYCLE', 21, cryo(27)),
    step('p3', 'CUT', 30, {}),
    step('p2', 'ANNEAL', 30, anneal(1)),
    step('p2', 'ANNEAL', 30, anneal(0.5)),
    step('p3', 'CRYO_CYCLE', 31, cryo(50), true),
    step('other', 'ANNEAL', 2, anneal(8)),
  ];

  it("derives every piece's summary from its chain's steps as from all the steps read", () => {
    const bySample = stepsBySample(steps);
    for (const p of pieces) {
      const chain = [ribbon, p];
      expect(deriveSummary(chain, stepsOfChain(chain, bySample))).toEqual(deriveSummary(chain, steps));
    }
    // The three differ, so the comparison above can tell pieces apart.
    expect(new Set(pieces.map((p) => deriveSummary([ribbon, p], steps).signature)).size).toBe(3);
  });

  it("hands out only the chain's steps, each sample's in the order read", () => {
    const chain = [ribbon, pieces[1]];
    expect(stepsOfChain(chain, stepsBySample(steps)).map((s) => s.id)).toEqual(steps.filter((s) => s.sampleId === 'r' || s.sampleId === 'p2').map((s) => s.id));
    expect(stepsOfChain([sample('none', 'PIECE', 0)], stepsBySample(steps))).toEqual([]);
  });
});
