import { collapseDuplicates, fitLineRange, localLinearAt, lowerBound, median, resampleUniform } from './numeric';

describe('numeric helpers', () => {
  it('fitLineRange fits a sub-range and reports the residual std', () => {
    const x = [0, 1, 2, 3, 4, 5];
    const y = [9, 9, 1, 3, 5, 7];
    const fit = fitLineRange(x, y, 2, 6);
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(-3, 12);
    expect(fit.residualStd).toBeCloseTo(0, 12);
    expect(fit.n).toBe(4);
  });

  it('resampleUniform interpolates sparse points and averages dense ones per cell', () => {
    const line = resampleUniform([0, 1, 3], [0, 2, 6], 0, 0.5, 7);
    expect(Array.from(line)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Four points per 1-K cell alternating ±1 around y = x: the cell means sit on the line.
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 40; i++) {
      x.push(i * 0.25);
      y.push(i * 0.25 + (i % 2 ? 1 : -1));
    }
    const coarse = resampleUniform(x, y, 0, 1, 10);
    for (let g = 1; g < 9; g++) expect(Math.abs(coarse[g] - g)).toBeLessThan(0.3);
  });

  it('localLinearAt averages the nearest points and extrapolates a short way', () => {
    const x = Array.from({ length: 50 }, (_, i) => 2 + i * 0.01);
    const y = x.map((v) => 3 * v - 1);
    expect(localLinearAt(x, y, 1.8, 21)).toBeCloseTo(4.4, 10);
    expect(localLinearAt(x, y, 2.25, 5)).toBeCloseTo(5.75, 10);
  });

  it('collapseDuplicates averages equal temperatures; lowerBound and median', () => {
    expect(collapseDuplicates([1, 1, 2, 3, 3, 3], [1, 3, 5, 1, 2, 3])).toEqual({ x: [1, 2, 3], y: [2, 5, 2] });
    expect(lowerBound([1, 2, 2, 4], 2)).toBe(1);
    expect(lowerBound([1, 2, 2, 4], 5)).toBe(4);
    expect(median([5, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
