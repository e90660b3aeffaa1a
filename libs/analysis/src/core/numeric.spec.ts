import { createRng } from '../../../instruments/src/rng';
import {
  decimate,
  differences,
  downsample,
  erfc,
  fitLine,
  interpolateUniform,
  localLineAt,
  lowerBound,
  median,
  medianHigh,
  mergeDuplicateX,
  oddWindow,
  quantile,
  quantileSorted,
  resampleUniform,
  robustStd,
  savitzkyGolay,
  sortByX,
} from './numeric';

describe('numeric helpers', () => {
  it('erfc matches reference values, including the far tail', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(Math.abs(erfc(1) / 0.157299207050285 - 1)).toBeLessThan(1.2e-7);
    expect(Math.abs(erfc(3) / 2.209049699858544e-5 - 1)).toBeLessThan(1.2e-7);
    expect(Math.abs(erfc(-1) - 1.842700792949715)).toBeLessThan(1e-7);
  });

  it('fitLine fits a sub-range and reports the residual std', () => {
    const x = [0, 1, 2, 3, 4, 5];
    const y = [9, 9, 1, 3, 5, 7];
    const fit = fitLine(x, y, { from: 2, to: 6 });
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

  it('localLineAt averages the nearest points and extrapolates a short way', () => {
    const x = Array.from({ length: 50 }, (_, i) => 2 + i * 0.01);
    const y = x.map((v) => 3 * v - 1);
    expect(localLineAt(x, y, 1.8, 21)).toBeCloseTo(4.4, 10);
    expect(localLineAt(x, y, 2.25, 5)).toBeCloseTo(5.75, 10);
  });

  it('mergeDuplicateX averages equal temperatures; lowerBound and median', () => {
    expect(mergeDuplicateX([1, 1, 2, 3, 3, 3], [1, 3, 5, 1, 2, 3])).toEqual({ x: [1, 2, 3], y: [2, 5, 2] });
    expect(lowerBound([1, 2, 2, 4], 2)).toBe(1);
    expect(lowerBound([1, 2, 2, 4], 5)).toBe(4);
    expect(median([5, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('fitLine (ordinary least squares with errors)', () => {
  it('recovers an exact line', () => {
    const fit = fitLine([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(1, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.slopeErr).toBeCloseTo(0, 12);
  });

  it('matches the textbook standard errors', () => {
    // x = 1..5, y = 2.1 3.9 6.2 7.8 10.1 → slope 1.99, intercept 0.05, SSR = 0.107, s² = SSR/3, Sxx = 10.
    const fit = fitLine([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1]);
    expect(fit.slope).toBeCloseTo(1.99, 10);
    expect(fit.intercept).toBeCloseTo(0.05, 10);
    expect(fit.slopeErr).toBeCloseTo(Math.sqrt(0.107 / 3 / 10), 10);
    expect(fit.interceptErr).toBeCloseTo(Math.sqrt((0.107 / 3) * (1 / 5 + 9 / 10)), 10);
  });

  it('slope error matches the scatter of slopes over repeated noisy fits', () => {
    const rng = createRng(3);
    const x = Array.from({ length: 20 }, (_, i) => i * 0.5);
    const slopes: number[] = [];
    let errSum = 0;
    for (let r = 0; r < 300; r++) {
      const fit = fitLine(
        x,
        x.map((xi) => -0.3 * xi + 2 + 0.2 * rng.gauss()),
      );
      slopes.push(fit.slope);
      errSum += fit.slopeErr;
    }
    const m = slopes.reduce((a, b) => a + b, 0) / slopes.length;
    const sd = Math.sqrt(slopes.reduce((a, b) => a + (b - m) ** 2, 0) / (slopes.length - 1));
    expect(m).toBeCloseTo(-0.3, 2);
    expect(sd / (errSum / 300)).toBeGreaterThan(0.85);
    expect(sd / (errSum / 300)).toBeLessThan(1.15);
  });

  it('returns NaN when x does not vary or there are fewer than 2 points', () => {
    expect(fitLine([1, 1, 1], [1, 2, 3]).slope).toBeNaN();
    expect(fitLine([1], [1]).slope).toBeNaN();
  });
});

describe('order statistics', () => {
  it('medianHigh is the upper of the middle two (always one of the values)', () => {
    expect(medianHigh([5, 1, 3, 2])).toBe(3);
    expect(medianHigh([5, 1, 3])).toBe(3);
    expect(medianHigh([])).toBeNaN();
  });

  it('quantile is the nearest rank: the smallest value with at least p of the data at or below it', () => {
    const v = [7, 1, 9, 3, 5, 2, 8, 4, 6, 10];
    expect(quantile(v, 0.5)).toBe(5);
    expect(quantile(v, 0.95)).toBe(10);
    expect(quantile(v, 0.91)).toBe(10);
    expect(quantile(v, 0.9)).toBe(9);
    expect(quantile(v, 0)).toBe(1);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('robustStd estimates σ of Gaussian noise and ignores a few outliers', () => {
    const rng = createRng(8);
    const v = Array.from({ length: 4000 }, () => 2 + 0.5 * rng.gauss());
    for (let i = 0; i < 40; i++) v[i * 100] = 1e6;
    expect(robustStd(v)).toBeCloseTo(0.5, 1);
    expect(robustStd([1, -1, 1, -1], 0)).toBeCloseTo(1.4826, 12);
    expect(differences([1, 4, 9])).toEqual([3, 5]);
  });
});

describe('weighted line fit', () => {
  it('weights pull the line towards the precise points and give the known-σ slope error 1/√Sxx', () => {
    const x = [0, 1, 2, 3];
    const y = [0, 1, 2, 10];
    const heavy = fitLine(x, y, { weights: [1, 1, 1, 1e-12] });
    expect(heavy.slope).toBeCloseTo(1, 6);
    expect(heavy.intercept).toBeCloseTo(0, 6);
    // σ = 0.1 on every point: var(slope) = σ²/Σ(x − x̄)² = 0.01/5.
    const even = fitLine(x, [0, 1, 2, 3], { weights: [100, 100, 100, 100] });
    expect(even.slopeErrKnownSigma).toBeCloseTo(Math.sqrt(0.01 / 5), 12);
  });
});

describe('grids, smoothing and plot curves', () => {
  it('interpolateUniform reads the two points around each node and holds the ends', () => {
    expect(interpolateUniform([0, 1, 3], [0, 2, 6], -1, 1, 6)).toEqual([0, 0, 2, 4, 6, 6]);
  });

  it('sortByX keeps y with its x', () => {
    expect(sortByX([3, 1, 2], [30, 10, 20])).toEqual({ x: [1, 2, 3], y: [10, 20, 30] });
  });

  it('oddWindow rounds up to odd, at least 5, at most the largest odd ≤ the cap', () => {
    expect(oddWindow(6, 100)).toBe(7);
    expect(oddWindow(2, 100)).toBe(5);
    expect(oddWindow(40, 20)).toBe(19);
    expect(oddWindow(40, 3)).toBe(3);
  });

  it('savitzkyGolay differentiates a quadratic exactly', () => {
    const x = Array.from({ length: 50 }, (_, i) => i * 0.1);
    const d = savitzkyGolay(
      x.map((v) => v * v),
      0.1,
      7,
      1,
      2,
    );
    for (let i = 5; i < 45; i++) expect(d[i]).toBeCloseTo(2 * x[i], 9);
  });

  it('downsample averages buckets of ⌈n/N⌉ points; decimate keeps every k-th measured point', () => {
    const x = Array.from({ length: 10 }, (_, i) => i);
    expect(downsample(x, x, 4)).toEqual({ x: [1, 4, 7, 9], y: [1, 4, 7, 9] });
    expect(downsample([1, 2], [3, 4], 4)).toEqual({ x: [1, 2], y: [3, 4] });
    expect(decimate(x, x, 4)).toEqual({ x: [0, 3, 6, 9], y: [0, 3, 6, 9] });
  });
});
