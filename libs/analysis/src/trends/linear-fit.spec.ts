import { createRng } from '../../../instruments/src/rng';
import { fitLinear } from './linear-fit';

describe('fitLinear', () => {
  it('recovers an exact line', () => {
    const fit = fitLinear([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(1, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.slopeErr).toBeCloseTo(0, 12);
  });

  it('matches the textbook standard errors', () => {
    // x = 1..5, y = 2.1 3.9 6.2 7.8 10.1 → slope 1.99, intercept 0.05, SSR = 0.107, s² = SSR/3, Sxx = 10.
    const fit = fitLinear([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1]);
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
      const fit = fitLinear(
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
    expect(fitLinear([1, 1, 1], [1, 2, 3]).slope).toBeNaN();
    expect(fitLinear([1], [1]).slope).toBeNaN();
  });
});
