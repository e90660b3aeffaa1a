import fc from 'fast-check';
import { slidingMax } from './numeric';

/** The definition, one window at a time. */
const bruteMax = (y: number[], half: number): number[] => y.map((_, i) => Math.max(...y.slice(Math.max(0, i - half), Math.min(y.length, i + half + 1))));

describe('slidingMax', () => {
  it('is the maximum over ±half points (shrinking at the ends), for any values, ties and half', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (y, half) => {
        expect(Array.from(slidingMax(y, half))).toEqual(bruteMax(y, half));
      }),
    );
  });
});
