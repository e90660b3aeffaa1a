import { createRng } from '../../../instruments/src/rng';
import { fitExponentialDecay } from './exponential-fit';

describe('fitExponentialDecay', () => {
  it('recovers k, τ, y0 exactly from noise-free data at emu/g/Oe scale', () => {
    const t = [0, 0.5, 1, 2, 5, 8, 10];
    const y = t.map((ti) => 0.0064 * Math.exp(-ti / 1.2) + 0.0031);
    const fit = fitExponentialDecay(t, y);
    expect(fit.k).toBeCloseTo(0.0064, 9);
    expect(fit.tau).toBeCloseTo(1.2, 6);
    expect(fit.y0).toBeCloseTo(0.0031, 9);
    expect(fit.r2).toBeCloseTo(1, 9);
    expect(fit.tauErr).toBeLessThan(1e-6);
  });

  it('gives standard errors that cover the truth for noisy data (coverage over 200 fits)', () => {
    const rng = createRng(7);
    const t = [0, 0, 0.5, 0.5, 1, 1, 5, 5, 8, 8, 10, 10];
    let covered = 0;
    const taus: number[] = [];
    for (let r = 0; r < 200; r++) {
      const y = t.map((ti) => 5 * Math.exp(-ti / 2) + 1 + 0.05 * rng.gauss());
      const fit = fitExponentialDecay(t, y);
      taus.push(fit.tau);
      if (Math.abs(fit.tau - 2) <= fit.tauErr) covered++;
    }
    // ±1 standard error covers ≈ 68 % when the errors are right.
    expect(covered / 200).toBeGreaterThan(0.55);
    expect(covered / 200).toBeLessThan(0.8);
    const meanTau = taus.reduce((a, b) => a + b, 0) / taus.length;
    expect(meanTau).toBeCloseTo(2, 1);
  });

  it('handles a rising approach to a plateau (negative k)', () => {
    const t = [0, 1, 2, 3, 4, 6, 9, 12];
    const fit = fitExponentialDecay(
      t,
      t.map((ti) => -3 * Math.exp(-ti / 3) + 10),
    );
    expect(fit.k).toBeCloseTo(-3, 5);
    expect(fit.tau).toBeCloseTo(3, 4);
    expect(fit.y0).toBeCloseTo(10, 5);
  });

  it('returns NaN for fewer than 4 points', () => {
    expect(fitExponentialDecay([0, 1, 2], [3, 2, 1]).tau).toBeNaN();
  });
});
