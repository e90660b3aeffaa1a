import fc from 'fast-check';
import { createRng } from '../../../instruments/src/rng';
import { analyzeTransition } from './transition';

/** R(T) = R_n(T)·(1 + tanh((T − Tc)/w))/2 on a uniform grid; the 10–90 % width is 2·atanh(0.8)·w. */
function sweep(opts: { tcK: number; width1090K: number; fromK: number; toK: number; stepK: number; rn: (t: number) => number; noise?: number; seed?: number }) {
  const rng = createRng(opts.seed ?? 1);
  const w = opts.width1090K / (2 * Math.atanh(0.8));
  const tK: number[] = [];
  const r: number[] = [];
  for (let t = opts.toK; t >= opts.fromK; t -= opts.stepK) {
    tK.push(t);
    r.push(opts.rn(t) * 0.5 * (1 + Math.tanh((t - opts.tcK) / w)) + (opts.noise ?? 0) * rng.gauss());
  }
  return { tK, r };
}

describe('analyzeTransition', () => {
  it('finds Tc and the 10–90 % width of a sharp transition on a negative-TCR normal state', () => {
    const { tK, r } = sweep({ tcK: 3.6, width1090K: 0.015, fromK: 3, toK: 5, stepK: 0.001, rn: (t) => 1 - 2e-4 * (t - 4), noise: 1e-5 });
    const res = analyzeTransition(tK, r);
    if (!res.ok) throw res.error;
    expect(Math.abs(res.value.tcK - 3.6)).toBeLessThan(2e-4);
    expect(res.value.width1090K).toBeCloseTo(0.015, 3);
    expect(res.value.tcrSign).toBe(-1);
    expect(res.value.normalAtTc).toBeCloseTo(1 + 2e-4 * 0.4, 4);
  });

  it('follows a strongly positive TCR out to 300 K (crystalline control)', () => {
    // R_n triples between 4.3 K and 300 K: a global "top of sweep" reference would miss the 50 % level.
    const coarse = sweep({ tcK: 4.3, width1090K: 0.003, fromK: 5, toK: 300, stepK: 1, rn: (t) => 0.05 + 0.0005 * t });
    const fine = sweep({ tcK: 4.3, width1090K: 0.003, fromK: 3.5, toK: 5, stepK: 0.0002, rn: (t) => 0.05 + 0.0005 * t });
    const res = analyzeTransition([...coarse.tK, ...fine.tK], [...coarse.r, ...fine.r]);
    if (!res.ok) throw res.error;
    expect(res.value.tcK).toBeCloseTo(4.3, 4);
    expect(res.value.width1090K).toBeCloseTo(0.003, 4);
    expect(res.value.tcrSign).toBe(1);
  });

  it('ignores a single low glitch in the normal state', () => {
    const { tK, r } = sweep({ tcK: 3.6, width1090K: 0.015, fromK: 3, toK: 5, stepK: 0.002, rn: () => 1 });
    r[200] = 0.01; // one bad reading near 4.6 K
    const res = analyzeTransition(tK, r);
    if (!res.ok) throw res.error;
    expect(res.value.tcK).toBeCloseTo(3.6, 3);
    expect(res.value.tcrSign).toBe(0);
  });

  it('returns NO_TRANSITION when R stays normal and NOT_ENOUGH_DATA on short input', () => {
    const normal = sweep({ tcK: 1.0, width1090K: 0.015, fromK: 1.8, toK: 5, stepK: 0.01, rn: () => 1, noise: 1e-4 });
    const res = analyzeTransition(normal.tK, normal.r);
    expect(res.ok ? 'ok' : res.error.code).toBe('NO_TRANSITION');
    const short = analyzeTransition([1, 2, 3], [0, 1, 1]);
    expect(short.ok ? 'ok' : short.error.code).toBe('NOT_ENOUGH_DATA');
    const nan = analyzeTransition(new Array(50).fill(NaN), new Array(50).fill(1));
    expect(nan.ok ? 'ok' : nan.error.code).toBe('NOT_ENOUGH_DATA');
  });

  it('never throws on arbitrary numbers', () => {
    const num = fc.oneof(fc.double({ noNaN: false }), fc.constant(0), fc.constant(NaN));
    fc.assert(
      fc.property(fc.array(fc.tuple(num, num), { maxLength: 60 }), (pairs) => {
        const res = analyzeTransition(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect(typeof res.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
