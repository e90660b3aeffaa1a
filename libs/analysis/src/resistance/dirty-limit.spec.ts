import digamma from '@stdlib/math-base-special-digamma';
import { fitLine } from '../core/numeric';
import { coherenceLengthNm, mdgFieldFactor, mdgHc2ZeroT, pairBreakingX, whhHc2ZeroT } from './dirty-limit';
import { groupByField } from './field-groups';
import { fitMakiDeGennes } from './mdg-fit';

describe('pairBreakingX', () => {
  it('solves ψ(1/2 + x) − ψ(1/2) = ln(1/t)', () => {
    for (const t of [0.999, 0.9, 0.5, 0.1, 1e-3]) {
      const x = pairBreakingX(t);
      expect(digamma(0.5 + x) - digamma(0.5)).toBeCloseTo(Math.log(1 / t), 10);
    }
    expect(pairBreakingX(1)).toBe(0);
    expect(pairBreakingX(1.2)).toBe(0);
  });
});

describe('Maki–de Gennes and WHH', () => {
  const tc0K = 3.6;
  const dM2s = 5e-5;

  it('tends to μ0Hc2(0) at T → 0 and to the WHH slope relation near Tc', () => {
    const h0 = mdgHc2ZeroT(tc0K, dM2s);
    expect(mdgFieldFactor(1e-3, tc0K) / dM2s).toBeCloseTo(h0, 3);
    const dT = 1e-5;
    const slope = -mdgFieldFactor(tc0K - dT, tc0K) / dM2s / dT;
    // π² e^−γ / 8 = 0.69267; the rounded 0.693 overshoots by 0.05 %.
    expect(h0 / (-tc0K * slope)).toBeCloseTo(0.69267, 4);
    expect(whhHc2ZeroT(tc0K, slope) / h0).toBeCloseTo(1.0005, 3);
  });

  it('fits D back from exact Hc2(T) points, with Tc0 fixed or free', () => {
    const points = [0, 0.9, 0.7, 0.5, 0.3].map((t) => ({ tcK: t === 0 ? tc0K : t * tc0K, fieldT: t === 0 ? 0 : mdgFieldFactor(t * tc0K, tc0K) / dM2s }));
    const fixed = fitMakiDeGennes(points, tc0K);
    expect(fixed?.diffusivityM2PerS).toBeCloseTo(dM2s, 12);
    const free = fitMakiDeGennes(points.slice(1));
    expect(free?.tc0K).toBeCloseTo(tc0K, 4);
    expect((free?.hc2ZeroT ?? 0) / mdgHc2ZeroT(tc0K, dM2s)).toBeCloseTo(1, 4);
    expect(fitMakiDeGennes([{ fieldT: 0, tcK: 3.6 }], 3.6)).toBeNull();
  });

  it('gives ξ(0) = sqrt(Φ0 / 2π μ0Hc2(0)): 7.53 nm at 5.8 T', () => {
    expect(coherenceLengthNm(5.8)).toBeCloseTo(7.5328, 3);
    expect(coherenceLengthNm(5.8 / 4)).toBeCloseTo(2 * 7.5328, 3);
  });
});

describe('helpers', () => {
  it('the shared fitLine gives slope, intercept and the slope standard error (NaN where undetermined)', () => {
    // Residuals 0.04, −0.12, 0.12, −0.04: SSR 0.032, Sxx 5.
    const fit = fitLine([1, 2, 3, 4], [2.1, 3.9, 6.1, 7.9]);
    expect(fit.slope).toBeCloseTo(1.96, 10);
    expect(fit.intercept).toBeCloseTo(0.1, 10);
    expect(fit.slopeErr).toBeCloseTo(Math.sqrt(0.032 / 2 / 5), 10);
    expect(fitLine([1, 1], [2, 3]).slope).toBeNaN();
    expect(fitLine([1, 2], [2, 3]).slopeErr).toBeNaN();
  });

  it('groupByField rounds jittery readings to their setpoint and orders by |field|', () => {
    const fields = [10000.3, 9999.8, -0.4, 0.2, 5000.1, 4999.6, 10000.1, -0.1, NaN];
    const groups = groupByField(fields);
    expect(groups.map((g) => g.fieldOe)).toEqual([0, 5000, 10000]);
    expect(groups[2].rows).toEqual([0, 1, 6]);
    expect(Object.is(groups[0].fieldOe, -0)).toBe(false);
  });
});
