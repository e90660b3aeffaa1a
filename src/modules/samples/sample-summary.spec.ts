import { summarizeSteps } from './sample-summary';

const anneal = (targetK: number, holdMin: number) => ({ kind: 'ANNEAL' as const, params: { targetK, holdMin } });
const cryo = (cycles: number) => ({ kind: 'CRYO_CYCLE' as const, params: { lowK: 77, highK: 293, cycles } });
const melt = { kind: 'ARC_MELT' as const, params: { massG: 5, melts: 5 } };

describe('summarizeSteps', () => {
  it('an untreated piece is as-quenched with an empty signature', () => {
    expect(summarizeSteps([melt])).toEqual({
      state: 'AS_QUENCHED',
      stateSequence: ['AS_QUENCHED'],
      signature: '',
      totals: { annealMinByK: {}, cryoCycles: 0, cryoCyclesByRange: {}, crystallized: false },
    });
  });

  it('anneal then cycle: rejuvenated, signature in order, totals summed', () => {
    const s = summarizeSteps([melt, anneal(453, 5), anneal(453, 0.5), cryo(27)]);
    expect(s.state).toBe('REJUVENATED');
    expect(s.stateSequence).toEqual(['ANNEALED', 'REJUVENATED']);
    expect(s.signature).toBe('A453K·5min → A453K·0.5min → C77/293K×27');
    expect(s.totals).toEqual({ annealMinByK: { '453': 5.5 }, cryoCycles: 27, cryoCyclesByRange: { '77/293': 27 }, crystallized: false });
  });

  it('cycle then anneal: annealed', () => {
    const s = summarizeSteps([cryo(50), anneal(453, 1), anneal(440, 2)]);
    expect(s.state).toBe('ANNEALED');
    expect(s.stateSequence).toEqual(['REJUVENATED', 'ANNEALED']);
    expect(s.totals.annealMinByK).toEqual({ '453': 1, '440': 2 });
  });

  it('crystallization is irreversible', () => {
    const s = summarizeSteps([anneal(453, 1), { kind: 'CRYSTALLIZE', params: { targetK: 513, holdMin: 30 } }, cryo(27)]);
    expect(s.state).toBe('CRYSTALLIZED');
    expect(s.signature).toBe('A453K·1min → X513K·30min → C77/293K×27');
    expect(s.totals.crystallized).toBe(true);
  });

  it('an ingot is AS_CAST, not a glass state', () => {
    expect(summarizeSteps([], 'AS_CAST')).toMatchObject({ state: 'AS_CAST', stateSequence: ['AS_CAST'], signature: '' });
  });
});
