import { treatmentTotals as treatmentFacts } from '../samples/sample-summary';
import { levelMismatches } from './level-match';

const anneal = { kind: 'ANNEAL_HOLD_MIN' as const, targetK: 453, levels: [0, 0.5, 1, 5] };
const cryo = { kind: 'CRYO_CYCLES' as const, lowK: 77, highK: 293, levels: [0, 27, 50] };
const a = (targetK: number, holdMin: number) => ({ kind: 'ANNEAL', params: { targetK, holdMin } });
const c = (cycles: number, lowK = 77, highK = 293) => ({ kind: 'CRYO_CYCLE', params: { lowK, highK, cycles } });

describe('levelMismatches', () => {
  it('accepts the exact hold, summed over steps', () => {
    expect(levelMismatches(anneal, 5, treatmentFacts([a(453, 2), a(453, 3)]))).toEqual([]);
    expect(levelMismatches(anneal, 0, treatmentFacts([]))).toEqual([]);
  });

  it('says how a piece differs from its level', () => {
    expect(levelMismatches(anneal, 5, treatmentFacts([a(453, 0.5)]))).toEqual(['it has 0.5 min at 453 K; level 5 needs 5 min']);
    expect(levelMismatches(anneal, 1, treatmentFacts([a(453, 1), c(27)]))).toEqual(['it was also cryo-cycled 27× between 77/293 K']);
    expect(levelMismatches(cryo, 27, treatmentFacts([c(27, 77, 300)]))).toEqual([
      'it has 0 cycles between 77/293 K; level 27 needs 27',
      'it was also cycled 27× between 77/300 K',
    ]);
    expect(levelMismatches(cryo, 50, treatmentFacts([c(25), c(25), { kind: 'CRYSTALLIZE', params: {} }]))).toEqual(['it is crystallized']);
  });
});
